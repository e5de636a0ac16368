import type { Client } from "discord.js";
import type { BotConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { KnowledgeStore, ReloadSummary } from "../store.ts";
import type { BotMetrics } from "./metrics.ts";
import type { AnswerSessions, Cooldown } from "./sessions.ts";

/** What every command and event handler of the bot shares. */
export interface BotContext {
  readonly client: Client;
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly store: KnowledgeStore;
  readonly metrics: BotMetrics;
  readonly sessions: AnswerSessions;
  readonly cooldown: Cooldown;
  /**
   * Reloads the knowledge on every shard of this bot (each keeps its old index if its reload
   * fails) and, when the command set changed, registers it again.
   */
  readonly reload: (reason: string) => Promise<ShardReload[]>;
}

/** One shard's reload: its summary, or why it could not be asked. */
export interface ShardReload {
  readonly shard: number;
  readonly summary?: ReloadSummary;
  readonly error?: string;
}

/** How an interaction or mention ended, for the log line. */
export type Outcome =
  | "answered"
  | "no-answer"
  | "refused"
  | "cooldown"
  | "expired"
  | "shown"
  | "reloaded"
  | "reload-failed"
  | "error";
