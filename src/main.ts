// `npm start`: settings, database (migrated), register, then the bot.
import fs from "node:fs";
import path from "node:path";
import { startFromEnvironment } from "./app/startFromEnvironment.ts";

// An optional .env file beside package.json, for the two-command start.
const envFile = path.resolve(".env");
if (fs.existsSync(envFile)) process.loadEnvFile(envFile);

const exitCode = await startFromEnvironment(process.env);
if (exitCode !== undefined) process.exit(exitCode);
