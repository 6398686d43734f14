export declare const PGLITE_SETTINGS: string[];
export declare function templateDir(): string;
export declare function initialiseInChild(dir: string): void;
export declare function prepareDataDir(dir: string): "existing" | "template" | "child";
