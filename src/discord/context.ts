import type { Client } from "discord.js";
import type { BotConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { KnowledgeStore, ReloadSummary } from "../store.ts";
import type { AnswerSessions, Cooldown } from "./sessions.ts";

/** What every command and event handler of the bot shares. */
export interface BotContext {
  readonly client: Client;
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly store: KnowledgeStore;
  readonly sessions: AnswerSessions;
  readonly cooldown: Cooldown;
  /** Reloads the knowledge and, when the command set changed, registers it again. */
  readonly reload: (reason: string) => Promise<ReloadSummary>;
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
