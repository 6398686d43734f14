// `npm start`: settings, database (migrated), register, then the bot.
import { loadEnvFile } from "./app/loadEnvFile.ts";
import { startFromEnvironment } from "./app/startFromEnvironment.ts";

loadEnvFile();
const exitCode = await startFromEnvironment(process.env);
if (exitCode !== undefined) process.exit(exitCode);
