import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadBotConfig } from "../../src/config.ts";
import { type Bot, createBot } from "../../src/discord/bot.ts";
import type { FeedbackStore } from "../../src/feedback/store.ts";
import { createLogger } from "../../src/log.ts";
import { FakeDiscord, GUILD_ID } from "../../src/playground/fake-discord.ts";
import { KnowledgeStore } from "../../src/store.ts";
import { V1_KNOWLEDGE } from "./knowledge.ts";

export const TEST_TOKEN = `test-token.${"x".repeat(60)}`;

export interface Running {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  readonly logs: string[];
  stop(): Promise<void>;
}

/** The real bot, through the real discord.js client, against the loopback Discord. */
export async function startBot({
  knowledgeDir = V1_KNOWLEDGE,
  env = {},
  buttonTimeoutMs,
  reloadGapMs = 0,
  commandIdsRereadMs,
  guilds,
  owner,
  beforeStart,
  feedback,
}: {
  knowledgeDir?: string;
  env?: Record<string, string>;
  buttonTimeoutMs?: number;
  /** 0 by default, so that tests may reload one after another; the bot's default is 10 s. */
  reloadGapMs?: number;
  /** How often a host without shard 0 may read the command ids again; the bot's default is 30 s. */
  commandIdsRereadMs?: number;
  guilds?: string[];
  /** Who owns the application, as GET /applications/@me says; default: OWNER_ID alone. */
  owner?: FakeDiscord["owner"];
  /** Prepares the loopback Discord before the bot connects (a refusal to come, say). */
  beforeStart?: (fake: FakeDiscord) => void;
  /** A store the test opened (with its own clock); else one in a temporary DATA_DIR. */
  feedback?: FeedbackStore;
} = {}): Promise<Running> {
  const fake = await FakeDiscord.start(guilds ? { guilds } : {});
  // Never the project's ./data: each bot writes its feedback to a folder of its own.
  let dataDir: string | undefined;
  let bot: Bot | undefined;
  const stop = async () => {
    // Each step runs whether or not the one before failed, so that no server stays open.
    const failures: unknown[] = [];
    const attempt = async (step: () => Promise<unknown> | undefined) => {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    };
    await attempt(() => bot?.stop());
    await attempt(() => fake.close());
    await attempt(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));
    if (failures.length > 0) throw failures[0];
  };
  try {
    if (owner) fake.owner = owner;
    beforeStart?.(fake);
    dataDir = await mkdtemp(path.join(tmpdir(), "dispute-bot-data-"));
    const config = loadBotConfig({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: knowledgeDir,
      COOLDOWN_SECONDS: "0",
      ADMIN_GUILD_ID: GUILD_ID,
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      ...env,
    });
    const logs: string[] = [];
    const logger = createLogger(config.logLevel, [config.token], (line) => {
      logs.push(line);
    });
    const { store } = await KnowledgeStore.open(config.knowledgeDir);
    bot = createBot({
      config,
      store,
      logger,
      ...(buttonTimeoutMs ? { buttonTimeoutMs } : {}),
      reloadGapMs,
      ...(commandIdsRereadMs !== undefined ? { commandIdsRereadMs } : {}),
      rest: { retries: 2, timeout: 5000 },
      ...(feedback ? { feedback } : {}),
    });
    await bot.start();
    return { fake, bot, logs, stop };
  } catch (error) {
    // A bot that cannot start must not leave the loopback Discord open: the test would never end.
    await stop().catch(() => undefined);
    throw error;
  }
}
