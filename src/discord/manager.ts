import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager } from "discord.js";
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import type { BotConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { ReloadSummary } from "../store.ts";
import { type BotClient, SHARD_ANSWER_TIMEOUT_MS, withTimeout } from "./bot.ts";
import { type HealthStatus, startHealthServer } from "./health.ts";

/** The file every shard process runs: the same entry point, which sees SHARDING_MANAGER set. */
const SHARD_ENTRY = fileURLToPath(new URL("./main.ts", import.meta.url));

async function recommendedShards(config: BotConfig): Promise<number> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, gateway.shards);
}

export interface Manager {
  readonly manager: ShardingManager;
  /** Reloads every shard, each on its own; a shard that cannot be reached is named. */
  reloadAll(reason: string): Promise<{ shard: number; summary?: ReloadSummary; error?: string }[]>;
  stop(): Promise<void>;
}

/** Spawns SHARD_COUNT shard processes with discord.js's ShardingManager; serves health and metrics for all. */
export async function runManager(config: BotConfig, logger: Logger): Promise<Manager> {
  const totalShards =
    config.shardCount === "auto" ? await recommendedShards(config) : (config.shardCount ?? 1);
  const manager = new ShardingManager(SHARD_ENTRY, {
    totalShards,
    token: config.token,
    mode: "process",
    respawn: true,
    execArgv: ["--import", "tsx"],
  });
  manager.on("shardCreate", (shard) => {
    logger.info("shard spawned", { shard: shard.id, of: totalShards });
    shard.on("death", () => logger.warn("shard process exited", { shard: shard.id }));
  });

  const perShard = <T>(
    evaluate: (client: BotClient, context: { reason: string }) => T | Promise<T>,
    reason = "",
  ) =>
    Promise.allSettled(
      [...manager.shards.keys()]
        .sort((a, b) => a - b)
        .map((shard) =>
          withTimeout(
            manager.broadcastEval(evaluate as never, { shard, context: { reason } }),
            SHARD_ANSWER_TIMEOUT_MS,
          ).then((value) => ({ shard, value: value as T })),
        ),
    );

  const reloadAll = async (reason: string) => {
    const ids = [...manager.shards.keys()].sort((a, b) => a - b);
    const results = await perShard(
      (client, context) => client.disputeBot.reloadLocal(context.reason),
      reason,
    );
    return results.map((result, index) =>
      result.status === "fulfilled"
        ? { shard: result.value.shard, summary: result.value.value as ReloadSummary }
        : {
            shard: ids[index] ?? index,
            error: String((result.reason as Error)?.message ?? result.reason),
          },
    );
  };

  let healthServer: Server | undefined;
  if (config.healthPort !== undefined) {
    healthServer = await startHealthServer(config.healthPort, config.healthHost, {
      async status(): Promise<HealthStatus> {
        const results = await perShard((client) => client.disputeBot.health());
        const shards = results.map((result, index) =>
          result.status === "fulfilled"
            ? { shard: result.value.shard, ...result.value.value }
            : { shard: index, ok: false, reason: "shard not reachable" },
        );
        const down = shards.filter((shard) => !shard.ok);
        const expected = down.length === 0 && shards.length === totalShards;
        return {
          ok: expected,
          reason: expected
            ? "ready"
            : `shards not ready: ${down.map((shard) => `${shard.shard} (${shard.reason})`).join(", ") || "starting"}`,
          shards,
        };
      },
      async metrics() {
        const results = await perShard((client) => client.disputeBot.metrics());
        const sets = results.flatMap((result) =>
          result.status === "fulfilled"
            ? [result.value.value as MetricObjectWithValues<MetricValue<string>>[]]
            : [],
        );
        const registry = AggregatorRegistry.aggregate(sets);
        return { contentType: registry.contentType, body: await registry.metrics() };
      },
    });
    logger.info("health server listening", { host: config.healthHost, port: config.healthPort });
  }

  await manager.spawn({ amount: totalShards, delay: 1000, timeout: 60_000 });
  logger.info("all shards ready", { shards: totalShards });
  return {
    manager,
    reloadAll,
    async stop() {
      await new Promise<void>((resolve) =>
        healthServer ? healthServer.close(() => resolve()) : resolve(),
      );
      healthServer?.closeAllConnections();
      for (const shard of manager.shards.values()) {
        shard.removeAllListeners("death");
        (manager as { respawn: boolean }).respawn = false;
        shard.kill();
      }
    },
  };
}
