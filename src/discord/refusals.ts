import type { Logger } from "../log.ts";

/**
 * Discord bans an address for a while after 10,000 invalid requests (401, 403 and 429 other
 * than the shared scope) in 10 minutes. The bot stays far below: a channel or server that keeps
 * refusing it is left alone for a while, and every send stops when the whole bot nears a tenth
 * of Discord's bound.
 */
export const REFUSAL_WINDOW_MS = 10 * 60 * 1000;
export const REFUSAL_BOUNDS = { channel: 5, guild: 20, total: 1000 } as const;
export const PAUSE_MS = 10 * 60 * 1000;

interface Count {
  count: number;
  since: number;
}

/** Counts Discord's refusals and says where the bot should not send for now. */
export class RefusalGuard {
  readonly #counts = new Map<string, Count>();
  readonly #pausedUntil = new Map<string, number>();
  /** The server of each channel the bot was about to send to, to count a channel's refusals to its server. */
  readonly #guildOf = new Map<string, string>();
  #total: Count = { count: 0, since: 0 };

  constructor(
    readonly logger: Logger,
    readonly onRefused: (status: number) => void = () => undefined,
    readonly now: () => number = Date.now,
  ) {}

  /** Whether the bot may send to this channel now; remembers the channel's server. */
  allows(channelId: string, guildId: string | null): boolean {
    if (guildId) {
      this.#guildOf.set(channelId, guildId);
      if (this.#guildOf.size > 50_000) this.#guildOf.clear();
    }
    const now = this.now();
    return [`channel:${channelId}`, `guild:${guildId}`, "total"].every(
      (key) => (this.#pausedUntil.get(key) ?? 0) <= now,
    );
  }

  /** Counts one REST response; only 401, 403 and a 429 not shared with others count. */
  record(path: string, status: number, rateLimitScope: string | null): void {
    const invalid =
      status === 401 || status === 403 || (status === 429 && rateLimitScope !== "shared");
    if (!invalid) return;
    this.onRefused(status);
    const now = this.now();
    const channelId = /^\/channels\/(\d+)/.exec(path)?.[1];
    const guildId =
      (channelId && this.#guildOf.get(channelId)) ?? /^\/guilds\/(\d+)/.exec(path)?.[1];
    this.#total = this.#bump(this.#total, now);
    if (this.#total.count === REFUSAL_BOUNDS.total)
      this.#pause("total", "the whole bot", now, this.#total.count);
    for (const [key, bound] of [
      [channelId && `channel:${channelId}`, REFUSAL_BOUNDS.channel],
      [guildId && `guild:${guildId}`, REFUSAL_BOUNDS.guild],
    ] as const) {
      if (!key) continue;
      const count = this.#bump(this.#counts.get(key), now);
      this.#counts.set(key, count);
      if (count.count === bound) this.#pause(key, key, now, count.count);
    }
    if (this.#counts.size > 50_000) this.#counts.clear();
  }

  #bump(count: Count | undefined, now: number): Count {
    if (!count || now - count.since >= REFUSAL_WINDOW_MS) return { count: 1, since: now };
    count.count += 1;
    return count;
  }

  /** Logged once per pause: the count reaches the bound exactly once per window. */
  #pause(key: string, place: string, now: number, refusals: number): void {
    this.#pausedUntil.set(key, now + PAUSE_MS);
    this.logger.warn("stopped sending after repeated refusals from Discord", {
      place,
      refusals,
      windowMinutes: REFUSAL_WINDOW_MS / 60_000,
      pauseMinutes: PAUSE_MS / 60_000,
    });
  }
}
