import { randomUUID } from "node:crypto";

/** How long a preview's Confirm button works. */
export const PENDING_TTL_MS = 15 * 60 * 1000;

/**
 * Changes an admin has previewed and not yet confirmed, by id; each belongs to the admin who
 * asked, and is forgotten once confirmed, cancelled or expired.
 */
export class PendingChanges<Change> {
  readonly #changes = new Map<string, { userId: string; change: Change; expires: number }>();

  add(userId: string, change: Change, now = Date.now()): string {
    for (const [id, entry] of this.#changes) if (entry.expires <= now) this.#changes.delete(id);
    const id = randomUUID();
    this.#changes.set(id, { userId, change, expires: now + PENDING_TTL_MS });
    return id;
  }

  /** The change, if it exists, has not expired and belongs to this user; taking it removes it. */
  take(
    id: string,
    userId: string,
    now = Date.now(),
  ): { ok: true; change: Change } | { ok: false; reason: "expired" | "not-yours" } {
    const entry = this.#changes.get(id);
    if (!entry || entry.expires <= now) {
      this.#changes.delete(id);
      return { ok: false, reason: "expired" };
    }
    if (entry.userId !== userId) return { ok: false, reason: "not-yours" };
    this.#changes.delete(id);
    return { ok: true, change: entry.change };
  }
}
