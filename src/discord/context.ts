import type { Client } from "discord.js";
import type { BotConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { KnowledgeStore, ReloadSummary } from "../store.ts";
import type { AnswerFeedback } from "./feedback.ts";
import type { BotMetrics } from "./metrics.ts";
import type { RefusalGuard } from "./refusals.ts";
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
  /** The ids Discord gave the commands this process registered (or found registered), by name. */
  readonly commandIds: Map<string, string>;
  /** "Not helpful" presses and unanswered questions, written to the feedback store. */
  readonly feedback: AnswerFeedback;
  /** Discord's 401/403/429 answers, counted; where the bot should not send for now. */
  readonly refusals: RefusalGuard;
  /**
   * Reloads the knowledge on every shard of this bot (each keeps its old index if its reload
   * fails) and, when the command set changed, registers it again. A request while a reload
   * runs joins it; one within RELOAD_GAP_MS of the last start waits and runs once for all.
   */
  readonly reload: (reason: string) => Promise<ShardReload[]>;
}

/** One process's reload; when the topics changed, what became of the slash commands. */
export type LocalReload = ReloadSummary & { readonly registration?: string };

/** One shard's reload: its summary, or why it could not be asked. */
export interface ShardReload {
  readonly shard: number;
  readonly summary?: LocalReload;
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
  /** The interaction was past Discord's response deadline when it arrived: not answered. */
  | "late"
  /** The bot may not post there, or Discord kept refusing it there: nothing was sent. */
  | "silent"
  | "error";
