import { randomBytes } from "node:crypto";
import type { QuotedPassage } from "../answer.ts";

export const ANOTHER_PREFIX = "another:";
/** How many answers keep working passage buttons at once; the oldest goes first. */
export const MAX_ANSWER_SESSIONS = 5000;

export interface AnswerSession {
  readonly id: string;
  readonly ownerId: string;
  /** The answer first, then the next-best passages (or the passages a no-answer suggests). */
  readonly passages: readonly QuotedPassage[];
  /** What was asked, shown above each passage opened from the answer. */
  readonly question: string;
}

/**
 * How a button shows a passage of its session: `new` replies with a private view (the public
 * answer never changes), `here` turns the page of a private view in place.
 */
export type PassageButtonMode = "new" | "open" | "here";

/**
 * A passage button's custom id: the session's handle, the position to show, and the mode
 * ("open" behaves as "new"; it only keeps the ids of one message distinct).
 */
export function passageButtonId(handle: string, position: number, mode: PassageButtonMode): string {
  return `${handle}:${position}:${mode}`;
}

export function parsePassageButton(
  customId: string,
): { handle: string; position: number; mode: PassageButtonMode } | undefined {
  const [prefix, id, position, mode] = customId.split(":");
  const number = Number.parseInt(position ?? "", 10);
  if (!Number.isInteger(number) || (mode !== "new" && mode !== "open" && mode !== "here"))
    return undefined;
  return { handle: `${prefix}:${id}`, position: number, mode };
}

/** Switches off the buttons of the message, for the passage it shows when the session ends. */
export type SessionEnd = (session: AnswerSession) => Promise<unknown>;

/**
 * The passage buttons (Previous, Next, Open) of recent answers. Each expires after `timeoutMs`, or earlier
 * when `capacity` newer ones push it out; then its buttons are switched off through `onEnd`,
 * and a late press is told to ask again. A session holds the passages and a way to edit its
 * message, never the interaction or message object itself.
 */
export class AnswerSessions {
  readonly #sessions = new Map<
    string,
    { session: AnswerSession; timer: NodeJS.Timeout; onEnd: SessionEnd }
  >();

  constructor(
    readonly timeoutMs: number,
    readonly capacity: number = MAX_ANSWER_SESSIONS,
  ) {}

  /** Returns the session's handle, the prefix of its buttons' custom ids. */
  create(
    ownerId: string,
    passages: readonly QuotedPassage[],
    onEnd: SessionEnd,
    question = "",
  ): string {
    const id = randomBytes(9).toString("base64url");
    const timer = setTimeout(() => void this.#end(id), this.timeoutMs);
    timer.unref();
    this.#sessions.set(id, { session: { id, ownerId, passages, question }, timer, onEnd });
    while (this.#sessions.size > this.capacity) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest === undefined) break;
      void this.#end(oldest);
    }
    return `${ANOTHER_PREFIX}${id}`;
  }

  get(customId: string): AnswerSession | undefined {
    const [id = ""] = customId.slice(ANOTHER_PREFIX.length).split(":");
    return this.#sessions.get(id)?.session;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Ends every session now, switching its buttons off (on shutdown). */
  async endAll(): Promise<void> {
    await Promise.allSettled([...this.#sessions.keys()].map((id) => this.#end(id)));
  }

  async #end(id: string): Promise<void> {
    const entry = this.#sessions.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.#sessions.delete(id);
    await entry.onEnd(entry.session).catch(() => undefined);
  }
}

/**
 * Damps a flood from one member: one question per window of `seconds`, and one notice of the
 * wait per window, however many questions arrive in it.
 */
export class Cooldown {
  readonly #last = new Map<string, { at: number; noticed: boolean }>();

  constructor(
    readonly seconds: number,
    readonly now: () => number = Date.now,
  ) {}

  /** 0 when the member may ask now (and the clock starts again), else the seconds to wait. */
  take(memberId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const last = this.#last.get(memberId);
    if (last !== undefined && now - last.at < this.seconds * 1000) {
      return Math.ceil((this.seconds * 1000 - (now - last.at)) / 1000);
    }
    this.#last.set(memberId, { at: now, noticed: false });
    if (this.#last.size > 10_000) {
      for (const [id, { at }] of this.#last)
        if (now - at >= this.seconds * 1000) this.#last.delete(id);
    }
    return 0;
  }

  /** True the first time it is asked in a member's current window: tell them once, then stay quiet. */
  firstNotice(memberId: string): boolean {
    const last = this.#last.get(memberId);
    if (!last || last.noticed) return false;
    last.noticed = true;
    return true;
  }
}

export function slowDown(seconds: number): string {
  return `You're asking quickly. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}
