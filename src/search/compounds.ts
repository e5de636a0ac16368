import { englishListSize, isCommonestEnglishWord } from "./english.ts";
import { remembered } from "./remembered.ts";
import { STOP_WORDS } from "./stopwords.ts";
import { stemWord } from "./text.ts";

/** Shorter words are rarely two words joined ("carpet", "become"). */
const MIN_COMPOUND_LENGTH = 7;
const MIN_PART_LENGTH = 3;
/** Each part must be an English word at least this common (SCOWL's list size). */
const MAX_PART_LIST_SIZE = 35;
/**
 * A phrasal verb's particle: a "setback", a "crackdown" or a "takeover" is not about going back,
 * down or over, and "hit back" would find every setback.
 */
const PARTICLES: ReadonlySet<string> = new Set([
  "away",
  "back",
  "down",
  "off",
  "out",
  "over",
  "up",
]);
const LOWER_LATIN = /^[a-z]+$/u;

const partsOf = new Map<string, readonly string[]>();
/** Cleared when it holds this many words, so a bot that runs for months stays bounded. */
const MAX_CACHED_WORDS = 500_000;

/**
 * The stems of the two words a closed compound joins, which the index holds for it beside its own
 * ("wartime": war, time; "lawmakers": law, maker; "postwar": post, war), so that a question's
 * "war" finds "wartime"; none for any other word.
 */
export function compoundParts(norm: string): readonly string[] {
  return remembered(partsOf, norm, MAX_CACHED_WORDS, () => split(norm));
}

function split(norm: string): readonly string[] {
  if (norm.length < MIN_COMPOUND_LENGTH || !LOWER_LATIN.test(norm)) return [];
  // SCOWL's commonest words ("together", "season") are words of their own, whatever they hold.
  if (englishListSize(norm) === undefined || isCommonestEnglishWord(norm)) return [];
  for (let at = MIN_PART_LENGTH; at <= norm.length - MIN_PART_LENGTH; at++) {
    const first = norm.slice(0, at);
    const second = norm.slice(at);
    if (isPart(first) && isPart(second)) {
      const stem = stemWord(norm);
      return [stemWord(first), stemWord(second)].filter((part) => part !== stem);
    }
  }
  return [];
}

function isPart(word: string): boolean {
  return (
    !STOP_WORDS.has(word) &&
    !PARTICLES.has(word) &&
    (englishListSize(word) ?? Number.POSITIVE_INFINITY) <= MAX_PART_LIST_SIZE
  );
}
