import { ConfigError, loadBotConfig, loadDotEnv } from "../config.ts";
import { formatIssue } from "../knowledge/types.ts";
import { createLogger } from "../log.ts";
import { KnowledgeError, KnowledgeStore } from "../store.ts";
import { createBot } from "./bot.ts";

async function main(): Promise<number> {
  await loadDotEnv();
  let config: ReturnType<typeof loadBotConfig>;
  try {
    config = loadBotConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `Cannot start the bot.\n${error.message}\nTo try the answers without Discord: npm run ask -- "why did South Korea end GSOMIA?"\n`,
      );
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, [config.token]);
  let store: KnowledgeStore;
  try {
    const opened = await KnowledgeStore.open(config.knowledgeDir);
    store = opened.store;
    for (const issue of opened.issues)
      logger.warn("knowledge warning", { issue: formatIssue(issue) });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      process.stderr.write(
        `Cannot start the bot: the knowledge folder has errors.\n${error.issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}\nRun npm run check-knowledge after fixing them.\n`,
      );
      return 1;
    }
    throw error;
  }
  const bot = createBot({ config, store, logger });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    await bot.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGHUP", () => void bot.context.reload("SIGHUP"));
  try {
    await bot.start();
  } catch (error) {
    logger.error("could not connect to Discord", { error });
    await bot.stop();
    return 1;
  }
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
