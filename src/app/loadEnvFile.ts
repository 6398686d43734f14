// An optional .env file beside package.json, read the same way by `npm start`
// and by `npx datalek`: variables already set in the environment win.
import fs from "node:fs";
import path from "node:path";

export function loadEnvFile(file = path.resolve(".env")): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
