import { parseArgs } from "node:util";
import { ConfigError, loadDotEnv, loadFeedbackConfig } from "../config.ts";
import { reportLines } from "../feedback/report.ts";
import { FeedbackStore, FeedbackStoreError } from "../feedback/store.ts";

const USAGE = "Usage: npm run report [-- --limit N]";

/** Prints what members asked that the bot could not answer well, most frequent first. */
async function main(): Promise<number> {
  let limit: number;
  try {
    const { values } = parseArgs({
      options: { limit: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(
        `${USAGE}\nReads DATA_DIR/feedback.sqlite: questions without an answer and answers marked "Not helpful", with counts and first/last dates.\n`,
      );
      return 0;
    }
    limit = Number(values.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error("--limit must be a whole number, 1 or more");
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  await loadDotEnv();
  try {
    const config = loadFeedbackConfig();
    const store = FeedbackStore.open(config.dataDir);
    try {
      store.prune(config.feedbackRetentionDays);
      const lines = reportLines(store.report(limit), config.feedbackRetentionDays);
      process.stdout.write(`${lines.join("\n")}\n`);
    } finally {
      store.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof FeedbackStoreError) {
      process.stderr.write(`${error.message}.\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
