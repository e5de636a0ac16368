import { isCommonEnglishWord } from "./english.ts";
import { CALENDAR_WORDS } from "./intent.ts";
import { askingSentences } from "./parts.ts";

/**
 * A question that opens with "who" ("who replaced Seko as trade minister?", "Who heads the
 * festival's organisers?") asks for someone it does not name. A paragraph that names only the
 * people the question names ("Trade Minister Hiroshige Seko said…") cannot answer it, however
 * many words it shares; one that names someone else ("Aichi Governor Hideaki Omura, who heads…")
 * may.
 */

/** A sentence that asks who: "who…", "so who…", "ok and whom…". */
const OPENS_WITH_WHO =
  /^(?:[\s,;:.!-]|\b(?:so|ok|okay|and|but|then|wait|hey|also|anyway)\b)*\b(?:who|whom)\b/iu;

/**
 * Someone a paragraph names: a run of capitalised words ("Aichi Governor Hideaki Omura", "South
 * Korea's"), or a title, body or group in lower case ("the presidential office", "a deputy
 * director", "the port authority", "the union").
 */
const SOMEONE =
  /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*|\b(?:ministers?|presidents?|secretary|directors?|officials?|spokes(?:man|men|woman|women|person|people)|ambassadors?|chief|chairman|envoys?|premier|lawmakers?|leaders?|judges?|governors?|prosecutors?|police|offices?|ministry|ministries|departments?|courts?|councils?|foundations?|agency|agencies|committees?|commissions?|authority|authorities|government|administration|cabinet|parliament|assembly|party|unions?|associations?|federations?|organi[sz]ations?|groups?|boards?|banks?|regulators?|watchdog|military|army|navy|compan(?:y|ies)|firms?|makers?|operators?)\b/gu;

/** Words are compared by their first letters, so that "Seko's" is "Seko" and "Korean" is "Korea". */
const PREFIX_LENGTH = 5;

function prefixOf(word: string): string {
  return word.toLowerCase().slice(0, PREFIX_LENGTH);
}

/**
 * The words of a message that asks who, by their first letters, to tell the people it names;
 * undefined when no sentence that asks opens with "who". `asking` is the message's sentences that
 * ask, when the caller has them already.
 */
export function whoAskedAmong(
  question: string,
  asking: readonly string[] = askingSentences(question),
): ReadonlySet<string> | undefined {
  if (!asking.some((sentence) => OPENS_WITH_WHO.test(sentence))) return undefined;
  return new Set(
    question
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 3)
      .map(prefixOf),
  );
}

/**
 * Whether a paragraph names someone the question does not: a name, title or body whose last word
 * (a surname, "office") is none of the question's words (`asked`, by whoAskedAmong). A capitalised
 * English word alone ("The", "Exchanging" opening a sentence) and a month or weekday name nobody.
 */
export function namesSomeoneElse(asked: ReadonlySet<string>, text: string): boolean {
  for (const found of text.matchAll(SOMEONE)) {
    const name = found[0].replace(/['’]s$/u, "");
    const words = name.split(/[\s'’-]+/u).filter((word) => word.length > 0);
    const last = (words.at(-1) ?? "").toLowerCase();
    if (CALENDAR_WORDS.has(last)) continue;
    if (words.length === 1 && /^\p{Lu}/u.test(name) && isCommonEnglishWord(last)) continue;
    if (!asked.has(prefixOf(last))) return true;
  }
  return false;
}
