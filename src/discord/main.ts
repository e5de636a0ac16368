import { type BotConfig, ConfigError, loadBotConfig, loadDotEnv } from "../config.ts";
import { FeedbackStoreError } from "../feedback/store.ts";
import { formatIssue } from "../knowledge/types.ts";
import { createLogger, type Logger, logUnhandledRejections } from "../log.ts";
import { KnowledgeError, KnowledgeStore } from "../store.ts";
import { createBot } from "./bot.ts";
import { runManager } from "./manager.ts";

/** One bot process: the whole bot, a shard spawned by the manager, or a host's SHARD_IDS. */
async function runBot(config: BotConfig, logger: Logger): Promise<number> {
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
  let bot: ReturnType<typeof createBot>;
  try {
    bot = createBot({ config, store, logger });
  } catch (error) {
    if (error instanceof FeedbackStoreError) {
      process.stderr.write(`Cannot start the bot: ${error.message}.\n`);
      return 1;
    }
    throw error;
  }
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
  process.on(
    "SIGHUP",
    () =>
      void bot.context
        .reload("SIGHUP")
        .catch((error: unknown) => logger.error("reload failed", { error })),
  );
  try {
    await bot.start();
  } catch (error) {
    logger.error("could not start the bot", { error });
    await bot.stop();
    return 1;
  }
  return 0;
}

async function runShardingManager(config: BotConfig, logger: Logger): Promise<number> {
  try {
    const manager = await runManager(config, logger);
    const stop = async (signal: string) => {
      logger.info("shutting down all shards", { signal });
      await manager.stop();
      process.exit(0);
    };
    process.on("SIGINT", () => void stop("SIGINT"));
    process.on("SIGTERM", () => void stop("SIGTERM"));
    process.on("SIGHUP", () => {
      void manager.reloadAll("SIGHUP").then((results) =>
        logger.info("reload on every shard", {
          results: results.map(({ shard, summary, error }) => ({
            shard,
            ok: summary?.ok ?? false,
            error,
          })),
        }),
      );
    });
    return 0;
  } catch (error) {
    logger.error("could not start the shards", { error });
    return 1;
  }
}

async function main(): Promise<number> {
  await loadDotEnv();
  let config: BotConfig;
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
  logUnhandledRejections(logger);
  const isShardProcess = process.env.SHARDING_MANAGER === "true";
  if (config.shardCount !== undefined && config.shardIds === undefined && !isShardProcess)
    return runShardingManager(config, logger);
  return runBot(config, logger);
}

const code = await main();
if (code !== 0) process.exit(code);
