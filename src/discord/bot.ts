import { watch } from "node:fs";
import type { Server } from "node:http";
import { Client, Events, GatewayIntentBits, type RESTOptions, Status } from "discord.js";
import type { BotConfig } from "../config.ts";
import { FeedbackStore } from "../feedback/store.ts";
import type { Logger } from "../log.ts";
import type { KnowledgeStore } from "../store.ts";
import { cacheOptions } from "./caches.ts";
import { coalescing } from "./coalesce.ts";
import { commandsFor } from "./commands/index.ts";
import type { BotContext, LocalReload, ShardReload } from "./context.ts";
import { AnswerFeedback } from "./feedback.ts";
import { type HealthStatus, startHealthServer } from "./health.ts";
import { handleInteraction } from "./interactions.ts";
import { handleMessage } from "./mentions.ts";
import { BotMetrics } from "./metrics.ts";
import { applicationOwners } from "./operators.ts";
import { RefusalGuard } from "./refusals.ts";
import {
  CommandIds,
  commandFingerprint,
  commandScopes,
  registerCommands,
  registeredCommands,
  registerIfChanged,
  scopeName,
} from "./register.ts";
import { NO_PINGS } from "./reply.ts";
import { AnswerSessions, Cooldown } from "./sessions.ts";

export const BUTTON_TIMEOUT_MS = 10 * 60 * 1000;
const WATCH_DEBOUNCE_MS = 500;
const SHUTDOWN_EDIT_TIMEOUT_MS = 5000;
/** A shard that has not answered a reload by then is reported as unreachable. */
export const SHARD_ANSWER_TIMEOUT_MS = 10_000;
/** A reload rebuilds every shard's index: at most one starts per this many milliseconds. */
export const RELOAD_GAP_MS = 10_000;
/** Feedback older than FEEDBACK_RETENTION_DAYS is pruned at start and then once a day. */
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;
/** How long a host without shard 0 waits before reading the command ids again for a topic without one. */
const COMMAND_IDS_REREAD_MS = 30_000;

export function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${milliseconds / 1000} s`)),
      milliseconds,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface BotOptions {
  readonly config: BotConfig;
  readonly store: KnowledgeStore;
  readonly logger: Logger;
  /** How long an answer's passage buttons (Previous, Next, Open) work. */
  readonly buttonTimeoutMs?: number;
  /** Reload requests within this long of the last reload's start are run once, together. */
  readonly reloadGapMs?: number;
  /** A host without shard 0 reads the command ids again at most this often, for a topic without one. */
  readonly commandIdsRereadMs?: number;
  /** discord.js REST options, merged over the defaults (tests shorten the timeouts). */
  readonly rest?: Partial<RESTOptions>;
  /** The feedback store; by default the bot opens DATA_DIR's and closes it on stop. */
  readonly feedback?: FeedbackStore;
}

export interface Bot {
  readonly client: Client;
  readonly context: BotContext;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What a ShardingManager asks of each shard through broadcastEval (functions only, no closures). */
export interface ShardHandle {
  reloadLocal(reason: string): Promise<LocalReload>;
  health(): HealthStatus;
  metrics(): Promise<object[]>;
}

export type BotClient = Client & { disputeBot: ShardHandle };

/**
 * The Discord adapter: a discord.js client with only the Guilds and GuildMessages intents.
 * Messages that mention the bot carry their content without the privileged MessageContent intent.
 */
export function createBot(options: BotOptions): Bot {
  const { config, store, logger } = options;
  const shardOptions =
    config.shardIds && typeof config.shardCount === "number"
      ? { shards: [...config.shardIds], shardCount: config.shardCount }
      : {};
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_PINGS,
    ...cacheOptions(),
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...options.rest },
    ...shardOptions,
  });
  const metrics = new BotMetrics();
  metrics.index(store.engine.stats);
  let watcher: ReturnType<typeof watch> | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let healthServer: Server | undefined;
  let pruning: NodeJS.Timeout | undefined;
  const feedbackStore = options.feedback ?? FeedbackStore.open(config.dataDir);
  const prune = () => {
    try {
      const removed = feedbackStore.prune(config.feedbackRetentionDays);
      if (removed > 0)
        logger.info("feedback pruned", { removed, days: config.feedbackRetentionDays });
    } catch (error) {
      logger.error("could not prune the feedback store", { error });
    }
  };

  const applicationId = () => config.clientId ?? client.application?.id ?? client.user?.id;
  /** One process registers the commands: the one that runs shard 0. */
  const registersCommands = () => {
    const ids =
      client.shard?.ids ?? (Array.isArray(client.options.shards) ? client.options.shards : [0]);
    return ids.includes(0);
  };
  /** What this process last registered in each scope, by fingerprint. */
  const registered = new Map<string, string>();

  /** Registers each scope's commands when they differ from what Discord has; true if any was sent. */
  const register = async (): Promise<boolean> => {
    const id = applicationId();
    if (!id) throw new Error("no application id: set DISCORD_CLIENT_ID");
    let sent = false;
    for (const { guildId, bodies } of commandScopes(commandsFor(store.engine), config)) {
      const scope = scopeName(guildId);
      const fingerprint = commandFingerprint(bodies);
      if (registered.get(scope) === fingerprint) continue;
      const { changed, commands } = registered.has(scope)
        ? { changed: true, commands: await registerCommands(client.rest, id, guildId, bodies) }
        : await registerIfChanged(client.rest, id, guildId, bodies);
      for (const command of commands) context.commandIds.set(command.name, command.id);
      logger.info(changed ? "commands registered" : "commands already up to date", {
        commands: bodies.length,
        guild: guildId ?? "global",
      });
      registered.set(scope, fingerprint);
      sent ||= changed;
    }
    return sent;
  };

  /**
   * The ids Discord gave the commands, read without registering anything: a host without shard 0
   * needs them to make its topic suggestions clickable (`</name:id>`).
   */
  const learnCommandIds = async (): Promise<void> => {
    const id = applicationId();
    if (!id) return;
    for (const { guildId } of commandScopes(commandsFor(store.engine), config)) {
      for (const command of await registeredCommands(client.rest, id, guildId))
        context.commandIds.set(command.name, command.id);
    }
  };
  let commandIdsReadAt = Number.NEGATIVE_INFINITY;
  const learnCommandIdsOrWarn = () => {
    commandIdsReadAt = Date.now();
    return learnCommandIds().catch((error: unknown) =>
      logger.warn("could not read the registered commands; topic suggestions show /name as text", {
        error,
      }),
    );
  };
  /** A topic shown without an id: a host without shard 0 reads the ids again, at most every 30 s. */
  const commandIdMissing = () => {
    if (registersCommands() || !client.isReady()) return;
    if (Date.now() - commandIdsReadAt < (options.commandIdsRereadMs ?? COMMAND_IDS_REREAD_MS))
      return;
    void learnCommandIdsOrWarn();
  };

  /** Registers the commands after the topics changed, and says truly what happened. */
  const registerAfterReload = async (): Promise<string> => {
    if (!registersCommands()) {
      // The host with shard 0 may not have registered the new topics yet; those show as /name.
      if (client.isReady()) await learnCommandIdsOrWarn();
      return "The topics changed; the host that runs shard 0 registers the slash commands when it reloads.";
    }
    if (!client.isReady())
      return "The topics changed; the slash commands will be registered when the bot connects.";
    try {
      return (await register())
        ? "The topics changed, so the slash commands were registered again."
        : "The topics changed; Discord already had these slash commands.";
    } catch (error) {
      logger.error("command registration failed", { error });
      return `The topics changed, but Discord refused the new slash commands (${(error as Error).message}); members see the old ones until a reload registers them.`;
    }
  };

  const reloadLocal = async (reason: string): Promise<LocalReload> => {
    const summary = await store.reload();
    metrics.reload(summary.ok);
    metrics.index(store.engine.stats);
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
    if (!summary.ok || !summary.topicsChanged) return summary;
    return { ...summary, registration: await registerAfterReload() };
  };

  /** Reloads this process, or, under a ShardingManager, every shard of it, each on its own. */
  const reloadEverywhere = async (reason: string): Promise<ShardReload[]> => {
    const shardUtil = client.shard;
    if (!shardUtil) {
      const ids = Array.isArray(client.options.shards) ? client.options.shards : [0];
      const summary = await reloadLocal(reason);
      return ids.map((shard) => ({ shard, summary }));
    }
    const shards = Array.from({ length: shardUtil.count }, (_, shard) => shard);
    const results = await Promise.allSettled(
      shards.map((shard) =>
        withTimeout(
          shardUtil.broadcastEval(
            (other, context) => (other as BotClient).disputeBot.reloadLocal(context.reason),
            { shard, context: { reason } },
          ),
          SHARD_ANSWER_TIMEOUT_MS,
        ),
      ),
    );
    return results.map((result, shard) =>
      result.status === "fulfilled"
        ? { shard, summary: result.value as LocalReload }
        : { shard, error: String(result.reason?.message ?? result.reason) },
    );
  };

  const health = (): HealthStatus => {
    const ready =
      client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
    const { documents, passages } = store.engine.stats;
    return {
      ok: ready && passages > 0,
      reason: !ready ? "gateway not connected" : passages === 0 ? "no index loaded" : "ready",
      shards: client.ws.shards.map((shard) => ({
        id: shard.id,
        status: Status[shard.status],
        ping: shard.ping,
      })),
      documents,
      passages,
    };
  };

  const context: BotContext = {
    client,
    config,
    logger,
    store,
    metrics,
    sessions: new AnswerSessions(options.buttonTimeoutMs ?? BUTTON_TIMEOUT_MS),
    commandIds: new CommandIds(commandIdMissing),
    cooldown: new Cooldown(config.cooldownSeconds),
    feedback: new AnswerFeedback(feedbackStore),
    refusals: new RefusalGuard(logger, (status) => metrics.refused(status)),
    reload: coalescing(reloadEverywhere, options.reloadGapMs ?? RELOAD_GAP_MS),
  };
  Object.assign(client, {
    disputeBot: {
      reloadLocal,
      health,
      metrics: () => metrics.registry.getMetricsAsJSON(),
    } satisfies ShardHandle,
  });

  // The handlers catch their own errors; these catches are for a failure in the catching.
  client.on(Events.InteractionCreate, (interaction) =>
    handleInteraction(context, interaction).catch((error: unknown) =>
      logger.error("interaction handler failed", { error }),
    ),
  );
  client.on(Events.MessageCreate, (message) =>
    handleMessage(context, message).catch((error: unknown) =>
      logger.error("mention handler failed", { error }),
    ),
  );
  client.on(Events.ShardResume, (shard, replayed) => {
    metrics.reconnect();
    logger.info("gateway resumed", { shard, replayed });
  });
  client.on(Events.ShardReconnecting, (shard) => logger.info("gateway reconnecting", { shard }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn("gateway disconnected", { shard, code: event.code }),
  );
  client.on(Events.Error, (error) => logger.error("client error", { error }));
  client.rest.on("response", (request, response) =>
    context.refusals.record(
      request.path,
      response.status,
      response.headers.get("x-ratelimit-scope"),
    ),
  );
  client.rest.on("rateLimited", (info) =>
    logger.warn("rate limited", { route: info.route, retryAfter: info.retryAfter }),
  );

  return {
    client,
    context,
    async start() {
      prune();
      pruning = setInterval(prune, PRUNE_EVERY_MS);
      pruning.unref();
      if (config.healthPort !== undefined && !client.shard) {
        healthServer = await startHealthServer(config.healthPort, config.healthHost, {
          status: health,
          metrics: async () => ({
            contentType: metrics.registry.contentType,
            body: await metrics.registry.metrics(),
          }),
        });
        logger.info("health server listening", {
          host: config.healthHost,
          port: config.healthPort,
        });
      }
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login(config.token);
      await ready;
      // Read the operators now, so that the first admin command does not wait on Discord.
      void applicationOwners(context);
      logger.info("connected", {
        user: client.user?.tag,
        guilds: client.guilds.cache.size,
        shards: client.ws.shards.map((shard) => shard.id),
      });
      // The bot answers even when Discord refuses the registration; the log says why.
      if (registersCommands())
        await register().catch((error: unknown) =>
          logger.error("command registration failed; slash commands may be missing or stale", {
            error,
          }),
        );
      else await learnCommandIdsOrWarn();
      if (!config.adminGuildId)
        logger.warn("admin commands not registered: set ADMIN_GUILD_ID to the operators' server");
      if (config.knowledgeWatch) {
        watcher = watch(store.directory, { recursive: true }, () => {
          clearTimeout(debounce);
          debounce = setTimeout(
            () =>
              void reloadLocal("knowledge folder changed").catch((error: unknown) =>
                logger.error("reload after a change in the knowledge folder failed", { error }),
              ),
            WATCH_DEBOUNCE_MS,
          );
        });
      }
    },
    async stop() {
      clearInterval(pruning);
      watcher?.close();
      clearTimeout(debounce);
      // Buttons that would stop working with the process are switched off first.
      await withTimeout(context.sessions.endAll(), SHUTDOWN_EDIT_TIMEOUT_MS).catch(() => undefined);
      await new Promise<void>((resolve) =>
        healthServer ? healthServer.close(() => resolve()) : resolve(),
      );
      healthServer?.closeAllConnections();
      await client.destroy();
      if (!options.feedback) feedbackStore.close();
    },
  };
}
