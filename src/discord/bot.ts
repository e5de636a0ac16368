import { watch } from "node:fs";
import { Client, Events, GatewayIntentBits, type RESTOptions } from "discord.js";
import type { BotConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { KnowledgeStore, ReloadSummary } from "../store.ts";
import { commandsFor } from "./commands/index.ts";
import type { BotContext } from "./context.ts";
import { handleInteraction } from "./interactions.ts";
import { handleMessage } from "./mentions.ts";
import {
  commandBodies,
  commandFingerprint,
  registerCommands,
  registerIfChanged,
} from "./register.ts";
import { NO_PINGS } from "./reply.ts";
import { AnswerSessions, Cooldown } from "./sessions.ts";

export const BUTTON_TIMEOUT_MS = 10 * 60 * 1000;
const WATCH_DEBOUNCE_MS = 500;

export interface BotOptions {
  readonly config: BotConfig;
  readonly store: KnowledgeStore;
  readonly logger: Logger;
  /** How long "Another passage" buttons work. */
  readonly buttonTimeoutMs?: number;
  /** discord.js REST options, merged over the defaults (tests shorten the timeouts). */
  readonly rest?: Partial<RESTOptions>;
}

export interface Bot {
  readonly client: Client;
  readonly context: BotContext;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Discord adapter: a discord.js client with only the Guilds and GuildMessages intents.
 * Messages that mention the bot carry their content without the privileged MessageContent intent.
 */
export function createBot(options: BotOptions): Bot {
  const { config, store, logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_PINGS,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...options.rest },
  });
  let registered = "";
  let watcher: ReturnType<typeof watch> | undefined;
  let debounce: NodeJS.Timeout | undefined;

  const applicationId = () => config.clientId ?? client.application?.id ?? client.user?.id;

  const register = async (force: boolean) => {
    const id = applicationId();
    if (!id) throw new Error("no application id: set DISCORD_CLIENT_ID");
    const bodies = commandBodies(commandsFor(store.engine));
    const fingerprint = commandFingerprint(bodies);
    if (!force && fingerprint === registered) return;
    if (registered === "") {
      const changed = await registerIfChanged(client.rest, id, config.guildId, bodies);
      logger.info(changed ? "commands registered" : "commands already up to date", {
        commands: bodies.length,
        guild: config.guildId ?? "global",
      });
    } else {
      await registerCommands(client.rest, id, config.guildId, bodies);
      logger.info("commands registered", {
        commands: bodies.length,
        guild: config.guildId ?? "global",
      });
    }
    registered = fingerprint;
  };

  const reload = async (reason: string): Promise<ReloadSummary> => {
    const summary = await store.reload();
    logger.info(summary.ok ? "knowledge reloaded" : "knowledge reload failed", {
      reason,
      documents: summary.documents,
      passages: summary.passages,
      topics: summary.topics,
      added: summary.addedDocuments,
      removed: summary.removedDocuments,
      errors: summary.issues.filter((issue) => issue.severity === "error").length,
      ms: summary.milliseconds,
    });
    if (summary.ok && summary.topicsChanged && client.isReady()) {
      await register(false).catch((error: unknown) =>
        logger.error("command registration failed", { error }),
      );
    }
    return summary;
  };

  const context: BotContext = {
    client,
    config,
    logger,
    store,
    sessions: new AnswerSessions(options.buttonTimeoutMs ?? BUTTON_TIMEOUT_MS),
    cooldown: new Cooldown(config.cooldownSeconds),
    reload,
  };

  client.on(
    Events.InteractionCreate,
    (interaction) => void handleInteraction(context, interaction),
  );
  client.on(Events.MessageCreate, (message) => void handleMessage(context, message));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info("gateway resumed", { shard, replayed }),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn("gateway disconnected", { shard, code: event.code }),
  );
  client.on(Events.Error, (error) => logger.error("client error", { error }));
  client.rest.on("rateLimited", (info) =>
    logger.warn("rate limited", { route: info.route, retryAfter: info.retryAfter }),
  );

  return {
    client,
    context,
    async start() {
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login(config.token);
      await ready;
      logger.info("connected", { user: client.user?.tag, guilds: client.guilds.cache.size });
      await register(false);
      if (config.knowledgeWatch) {
        watcher = watch(store.directory, { recursive: true }, () => {
          clearTimeout(debounce);
          debounce = setTimeout(() => void reload("knowledge folder changed"), WATCH_DEBOUNCE_MS);
        });
      }
    },
    async stop() {
      watcher?.close();
      clearTimeout(debounce);
      context.sessions.clear();
      await client.destroy();
    },
  };
}
