import Fuse from "fuse.js";

export interface Correction {
  readonly word: string;
  readonly distance: number;
}

/** Words shorter than this are never corrected: too many real words sit one edit apart. */
const MIN_CORRECTABLE_LENGTH = 4;
/**
 * Words up to this long are corrected by one edit at most, longer ones by two: two edits are a
 * third of a six-letter word ("brasil" is not "basic"). Generated typos in the real-article
 * questions are corrected as often with 5 as with 6 here.
 */
const MAX_ONE_EDIT_LENGTH = 6;

/**
 * Corrects typed words against the vocabulary of the knowledge. fuse.js proposes near words
 * (only among words of a similar length, so a query never scans the whole vocabulary);
 * an edit distance that counts a swap of two letters as one edit decides.
 */
export class Vocabulary {
  /** How often each word occurs in the knowledge; a more frequent word wins a tie. */
  readonly #counts: ReadonlyMap<string, number>;
  /** Words grouped by length and first letter, so a lookup reads a few hundred words at most. */
  readonly #groups = new Map<string, Fuse<string>>();

  constructor(counts: ReadonlyMap<string, number>) {
    this.#counts = counts;
    const groups = new Map<string, string[]>();
    for (const word of counts.keys()) {
      const key = groupKey(word.length, word[0] ?? "");
      const group = groups.get(key) ?? [];
      group.push(word);
      groups.set(key, group);
    }
    for (const [key, group] of groups) {
      this.#groups.set(
        key,
        new Fuse(group, {
          includeScore: true,
          threshold: 0.5,
          ignoreLocation: true,
          shouldSort: true,
        }),
      );
    }
  }

  get size(): number {
    return this.#counts.size;
  }

  has(word: string): boolean {
    return this.#counts.has(word);
  }

  correct(word: string): Correction | undefined {
    if (word.length < MIN_CORRECTABLE_LENGTH || /\d/.test(word)) return undefined;
    const allowed = word.length <= MAX_ONE_EDIT_LENGTH ? 1 : 2;
    let best: (Correction & { count: number }) | undefined;
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      for (const result of this.#groups
        .get(groupKey(length, word[0] ?? ""))
        ?.search(word, { limit: 8 }) ?? []) {
        const distance = editDistance(word, result.item, allowed);
        if (distance > allowed) continue;
        const count = this.#counts.get(result.item) ?? 0;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && count > best.count)
        ) {
          best = { word: result.item, distance, count };
        }
      }
    }
    return best && { word: best.word, distance: best.distance };
  }
}

/** Typing rarely gets the first letter wrong, so only words with the same first letter are read. */
function groupKey(length: number, first: string): string {
  return `${length}:${first}`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table = new Uint16Array(rows * columns);
  for (let i = 0; i < rows; i++) table[i * columns] = i;
  for (let j = 0; j < columns; j++) table[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (table[(i - 1) * columns + j] as number) + 1,
        (table[i * columns + j - 1] as number) + 1,
        (table[(i - 1) * columns + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (table[(i - 2) * columns + j - 2] as number) + 1);
      }
      table[i * columns + j] = value;
    }
  }
  return table[rows * columns - 1] as number;
}
