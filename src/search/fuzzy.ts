import Fuse from "fuse.js";

export interface Correction {
  readonly word: string;
  readonly distance: number;
}

/** Words shorter than this are never corrected: too many real words sit one edit apart. */
const MIN_CORRECTABLE_LENGTH = 4;

/**
 * Corrects typed words against the vocabulary of the knowledge. fuse.js proposes near words
 * (only among words of a similar length, so a query never scans the whole vocabulary);
 * an edit distance that counts a swap of two letters as one edit decides.
 */
export class Vocabulary {
  readonly #words: ReadonlySet<string>;
  readonly #byLength = new Map<number, Fuse<string>>();

  constructor(words: Iterable<string>) {
    this.#words = new Set(words);
    const groups = new Map<number, string[]>();
    for (const word of this.#words) {
      const group = groups.get(word.length) ?? [];
      group.push(word);
      groups.set(word.length, group);
    }
    for (const [length, group] of groups) {
      this.#byLength.set(
        length,
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
    return this.#words.size;
  }

  has(word: string): boolean {
    return this.#words.has(word);
  }

  correct(word: string): Correction | undefined {
    if (word.length < MIN_CORRECTABLE_LENGTH || /\d/.test(word)) return undefined;
    const allowed = word.length <= 5 ? 1 : 2;
    let best: Correction | undefined;
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      for (const result of this.#byLength.get(length)?.search(word, { limit: 8 }) ?? []) {
        const distance = editDistance(word, result.item, allowed);
        if (distance > allowed) continue;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && result.item < best.word)
        ) {
          best = { word: result.item, distance };
        }
      }
    }
    return best;
  }
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
