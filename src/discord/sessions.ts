import { randomBytes } from "node:crypto";
import type { QuotedPassage } from "../answer.ts";

export const ANOTHER_PREFIX = "another:";

export interface AnswerSession {
  readonly id: string;
  readonly ownerId: string;
  /** The answer first, then the next-best passages. */
  readonly passages: readonly QuotedPassage[];
  position: number;
}

/**
 * The "Another passage" buttons of recent answers. Each expires after `timeoutMs`; then its
 * buttons are switched off through `onExpire`, and a late press is told to ask again.
 */
export class AnswerSessions {
  readonly #sessions = new Map<string, { session: AnswerSession; timer: NodeJS.Timeout }>();

  constructor(readonly timeoutMs: number) {}

  create(
    ownerId: string,
    passages: readonly QuotedPassage[],
    onExpire: () => Promise<unknown>,
  ): string {
    const id = randomBytes(9).toString("base64url");
    const timer = setTimeout(() => {
      this.#sessions.delete(id);
      void onExpire().catch(() => undefined);
    }, this.timeoutMs);
    timer.unref();
    this.#sessions.set(id, { session: { id, ownerId, passages, position: 0 }, timer });
    return `${ANOTHER_PREFIX}${id}`;
  }

  get(customId: string): AnswerSession | undefined {
    return this.#sessions.get(customId.slice(ANOTHER_PREFIX.length))?.session;
  }

  get size(): number {
    return this.#sessions.size;
  }

  clear(): void {
    for (const { timer } of this.#sessions.values()) clearTimeout(timer);
    this.#sessions.clear();
  }
}

/** Answers a flood from one member politely instead of queueing it. */
export class Cooldown {
  readonly #last = new Map<string, number>();

  constructor(
    readonly seconds: number,
    readonly now: () => number = Date.now,
  ) {}

  /** 0 when the member may ask now (and the clock starts again), else the seconds to wait. */
  take(memberId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const last = this.#last.get(memberId);
    if (last !== undefined && now - last < this.seconds * 1000) {
      return Math.ceil((this.seconds * 1000 - (now - last)) / 1000);
    }
    this.#last.set(memberId, now);
    if (this.#last.size > 10_000) {
      for (const [id, at] of this.#last) if (now - at >= this.seconds * 1000) this.#last.delete(id);
    }
    return 0;
  }
}

export function slowDown(seconds: number): string {
  return `You're asking quickly. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}
