import { loadBotConfig } from "../../src/config.ts";
import { type Bot, createBot } from "../../src/discord/bot.ts";
import { createLogger } from "../../src/log.ts";
import { FakeDiscord } from "../../src/playground/fake-discord.ts";
import { KnowledgeStore } from "../../src/store.ts";
import { SHIPPED_KNOWLEDGE } from "./knowledge.ts";

export const TEST_TOKEN = `test-token.${"x".repeat(60)}`;

export interface Running {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  readonly logs: string[];
  stop(): Promise<void>;
}

/** The real bot, through the real discord.js client, against the loopback Discord. */
export async function startBot({
  knowledgeDir = SHIPPED_KNOWLEDGE,
  env = {},
  buttonTimeoutMs,
  guilds,
}: {
  knowledgeDir?: string;
  env?: Record<string, string>;
  buttonTimeoutMs?: number;
  guilds?: string[];
} = {}): Promise<Running> {
  const fake = await FakeDiscord.start(guilds ? { guilds } : {});
  const config = loadBotConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR: knowledgeDir,
    COOLDOWN_SECONDS: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, [config.token], (line) => {
    logs.push(line);
  });
  const { store } = await KnowledgeStore.open(config.knowledgeDir);
  const bot = createBot({
    config,
    store,
    logger,
    ...(buttonTimeoutMs ? { buttonTimeoutMs } : {}),
    rest: { retries: 2, timeout: 5000 },
  });
  await bot.start();
  return {
    fake,
    bot,
    logs,
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
}
