// The compiled start (issue 14): scripts/build.mjs bundles the bot and the
// CLI, `npm start` runs the bundle with plain node, and that bundle takes a
// real report end to end against the strict Slack stand-in. The build goes
// into a folder of its own (inside the project: the bundle resolves its
// packages from node_modules), so this test checks the source as it is now,
// not whatever dist/ holds; a build that fails, or one its freshness check
// does not notice is stale, fails the test.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportModalState } from "../support/slackRequests.ts";
import { DPO_CHANNEL, DPO_ID, slackClientFor, startWorkspaceStandIn, STAFF_ID } from "../support/startTestBot.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
// Real processes (esbuild, the bot, PGlite) on a shared two-core machine.
const PROCESS_TEST_TIMEOUT_MS = 120_000;
const SIGNING_SECRET = "compiled-start-signing-secret-0123";
const BOT_TOKEN = "xoxb-compiled-start";

const OUT = path.join(
  REPO,
  "node_modules/.cache/datalek-bot",
  `test-build-${process.pid}-${crypto.randomBytes(3).toString("hex")}`,
);

function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, args, {
    cwd: REPO,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), ...env },
    timeout: 60_000,
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the compiled build", () => {
  beforeAll(() => {
    const built = node(["scripts/build.mjs", "--outdir", OUT]);
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
  }, PROCESS_TEST_TIMEOUT_MS);
  afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

  it("is what npm start runs and npm install builds", () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    // Plain node on the bundle: no loader at run time. The two V8 options keep
    // the resting memory low (bench/burst.ts: 156 -> 121 MB on PostgreSQL, no
    // measurable CPU cost): a young generation of 1 MB, one platform thread.
    expect(scripts.start).toBe("node --max-semi-space-size=1 --v8-pool-size=1 dist/main.mjs");
    // Built in the same npm install, after the Prisma client it bundles is generated.
    expect(scripts.postinstall).toMatch(/prisma generate && node scripts\/build\.mjs(\s|$)/);
    // A start after a source change rebuilds first.
    expect(scripts.prestart).toBe("node scripts/build.mjs --if-stale");
    for (const file of ["main.mjs", "cli.mjs", "main.mjs.map", "build-info.json"])
      expect(fs.existsSync(path.join(OUT, file)), file).toBe(true);
  });

  it("knows when it no longer matches the source", () => {
    // Fresh as built (others may change a file meanwhile: then build once more).
    if (node(["scripts/build.mjs", "--check", "--outdir", OUT]).status !== 0) node(["scripts/build.mjs", "--outdir", OUT]);
    expect(node(["scripts/build.mjs", "--check", "--outdir", OUT]).status).toBe(0);
    const infoFile = path.join(OUT, "build-info.json");
    const original = fs.readFileSync(infoFile, "utf8");
    const info = JSON.parse(original) as { inputs: Record<string, string> };
    // Every source file of the bot went in; a changed one makes the build stale.
    expect(Object.keys(info.inputs)).toEqual(
      expect.arrayContaining(["src/main.ts", "src/cli/main.ts", "src/core/projectRoot.mjs"]),
    );
    try {
      fs.writeFileSync(infoFile, JSON.stringify({ ...info, inputs: { ...info.inputs, "src/main.ts": "0".repeat(64) } }));
      const stale = node(["scripts/build.mjs", "--check", "--outdir", OUT]);
      expect(stale.status).toBe(1);
      expect(stale.stdout).toContain("src/main.ts changed since the build");
    } finally {
      fs.writeFileSync(infoFile, original);
    }
  });

  it("keeps what is rarely used out of the bot's start: the CLI commands, the demo and the Teams front end are chunks of their own", () => {
    const main = fs.readFileSync(path.join(OUT, "main.mjs"), "utf8");
    const loadedAtStart = new Set<string>();
    const visit = (file: string) => {
      if (loadedAtStart.has(file)) return;
      loadedAtStart.add(file);
      const text = fs.readFileSync(path.join(OUT, file), "utf8");
      for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|^import\s+"(\.[^"]+)"/gm))
        visit(path.join(path.dirname(file), match[1] ?? match[2]!));
    };
    visit("main.mjs");
    expect(main).toContain("startFromEnvironment");
    // The Teams front end, where there is one, is loaded by import() when Teams is configured.
    const lazyNames = ["runDemo", "exportCommand", "demoCommand"];
    if (fs.existsSync(path.join(REPO, "src/teams/createTeamsFrontEnd.ts"))) lazyNames.push("createTeamsFrontEnd");
    const lazy = fs
      .readdirSync(path.join(OUT, "chunks"))
      .filter((file) => file.endsWith(".mjs") && lazyNames.some((name) => file.startsWith(`${name}-`)));
    expect(lazy.map((file) => file.replace(/-[^-]+\.mjs$/, "")).sort()).toEqual([...lazyNames].sort());
    for (const file of lazy) expect(loadedAtStart.has(path.join("chunks", file)), file).toBe(false);
  });

  it("points stack traces at the TypeScript", () => {
    // An error thrown inside the bundle's code (the CLI writing its usage).
    const result = node([
      "--input-type=module",
      "-e",
      `const { main } = await import(${JSON.stringify(path.join(OUT, "cli.mjs"))});
       try { await main(["help"], { stdout: { write() { throw new Error("boom"); } } }); } catch (error) { console.log(error.stack); }`,
    ]);
    expect(result.stdout, result.stderr).toMatch(/at main \(.*src\/cli\/main\.ts:\d+:\d+\)/);
    expect(result.stdout).not.toContain("cli.mjs");
  });

  it(
    "starts with plain node, takes a report end to end, and stops on SIGTERM",
    async () => {
      const standIn = await startWorkspaceStandIn({ botToken: BOT_TOKEN });
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "datalek-compiled-"));
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, [path.join(OUT, "main.mjs")], {
        cwd: REPO,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TMPDIR: os.tmpdir(),
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: standIn.url,
          PORT: String(port),
          DATA_DIR: dataDir,
          DPO_USER_IDS: DPO_ID,
          DPO_CHANNEL_ID: DPO_CHANNEL,
          MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
          DATALEK_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
          LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once("exit", (code, signal) => resolve({ code, signal })),
      );
      try {
        let healthy: Response | undefined;
        const until = Date.now() + 90_000;
        while (!healthy && Date.now() < until && child.exitCode === null) {
          healthy = await fetch(`${url}/healthz`).then(
            (response) => (response.status === 200 ? response : undefined),
            () => undefined,
          );
          if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(healthy, output).toBeDefined();
        expect(await healthy!.json()).toEqual({ status: "ok", database: "pglite" });

        const slack = slackClientFor(url, standIn, SIGNING_SECRET);
        const triggerId = standIn.issueTriggerId();
        expect((await slack.slashCommand({ userId: STAFF_ID, text: "", triggerId })).status).toBe(200);
        const [open] = await standIn.waitForCalls("views.open", 1, 10_000);
        expect(open!.args.trigger_id).toBe(triggerId);

        const submitted = await slack.viewSubmission({
          userId: STAFF_ID,
          view: {
            id: "V0COMPILED1",
            callback_id: "datalek_report",
            state: {
              values: reportModalState({
                what_happened: "Gecompileerde start: een synthetische melding zonder persoonsgegevens.",
                discovered_at: Math.floor(Date.now() / 1000) - 3600,
                system: "zivver",
                data_kinds: ["identity_contact"],
                people_affected: "2",
                stopped: "yes",
                recipient: "known",
              } as never),
            },
          },
        });
        expect(submitted.status).toBe(200);
        expect(submitted.body).toMatchObject({ response_action: "update" });
        const reference = /DL-\d{4}-\d{4}/.exec(JSON.stringify(submitted.body))?.[0];
        expect(reference, JSON.stringify(submitted.body)).toBeDefined();

        // The DPO channel gets the post, with the reference, through the outbox.
        const post = await standIn.waitForCall("chat.postMessage", (call) => call.args.channel === DPO_CHANNEL, 30_000);
        expect(JSON.stringify(post.args)).toContain(reference!);

        child.kill("SIGTERM");
        expect(await exited).toEqual({ code: 0, signal: null });
      } finally {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGKILL");
          await exited;
        }
        await standIn.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
