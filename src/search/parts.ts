import { expandChatSpellings } from "./chat.ts";
import { YES_NO_OPENINGS } from "./intent.ts";
import { wordCount } from "./text.ts";

/** Questions shorter than this many words are judged whole. */
const MIN_WORDS_TO_SPLIT = 12;
/** A part must have at least this many words to be judged on its own. */
const MIN_PART_WORDS = 3;
/**
 * Where a sentence ends: after a full stop, but not the one of an initial or an abbreviation
 * ("S. Korea", "U.S. officials", "Mr. Abe", "Aug. 28").
 */
const SENTENCE_END =
  /(?<![\s.(]\p{Lu}\.|^\p{Lu}\.|\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|No|vs|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)(?<=[.!?;:])\s+|\n+/u;
/**
 * What a part must have to be asked on its own: a question mark, a question word, or a question
 * or request's opening ("did…", "is…", "tell me…"). Context and opinion ("my uncle says it is
 * all about trade") have none, and their rare words would otherwise pick the paragraph. Korean
 * and Japanese parts are all kept: their question endings are not told apart here.
 */
const REQUEST_OPENINGS = "tell|explain|describe|show|list|summari[sz]e";
const ASKS = new RegExp(
  `[?？\\p{Script=Hangul}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]|\\b(?:who|whom|whose|what|when|where|why|how|which)\\b|^(?:${[...YES_NO_OPENINGS].join("|")}|${REQUEST_OPENINGS})\\b`,
  "iu",
);
/**
 * What may stand before a question's opening without asking anything: punctuation, and words of
 * chat that lead in ("ok so did Japan…", "please did…", "according to the article, did…", whose
 * pointer to the source chat.ts drops).
 */
const LEADING_FILLER =
  /^(?:[\s,;:.!-]|\b(?:so|ok|okay|and|but|wait|hey|also|please|pls|well|um+|uh+|btw|honestly|anyway)\b)+/iu;
const CLAUSE_BREAK = /\s*(?:,|\s[-–—]\s|\(|\))\s*|\s+(?=(?:but|though|although|so|anyway|btw)\s)/iu;

/** The sentences of a question, trimmed, as a member split them. */
export function questionSentences(question: string): string[] {
  return question
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * Whether a sentence or clause asks something: a question mark, a question word or opening, also
 * as chat spells them ("depends on wat").
 */
export function asks(text: string): boolean {
  return ASKS.test(expandChatSpellings(text).replace(LEADING_FILLER, ""));
}

/**
 * The sentences of a message that ask: those with a question mark, or, when none has one, those
 * with a question word or opening. The rest is context ("My cousin in Osaka says…").
 */
export function askingSentences(question: string): string[] {
  const sentences = questionSentences(question);
  const marked = sentences.filter((sentence) => /[?？]/u.test(sentence));
  return marked.length > 0 ? marked : sentences.filter((sentence) => asks(sentence));
}

/**
 * Where a message names what one of `patterns` reads in its first group, in one of its sentences
 * that ask (`asking`, askingSentences' reading) or, when none asks, in the whole message as typed
 * into a search box (read by `searched`, if given, else by `patterns`): [start, end) in
 * `question`. `lead` says how many leading characters of the group are none of it, or rejects it
 * with undefined.
 */
export function spanAsked(
  question: string,
  asking: readonly string[],
  patterns: readonly RegExp[],
  lead: (group: string) => number | undefined,
  searched: readonly RegExp[] = patterns,
): [number, number] | undefined {
  let from = 0;
  for (const sentence of asking.length > 0 ? asking : [question]) {
    const offset = question.indexOf(sentence, from);
    if (offset < 0) continue;
    from = offset + sentence.length;
    for (const pattern of asking.length > 0 ? patterns : searched) {
      const found = pattern.exec(sentence);
      const span = found?.indices?.[1];
      const skipped = span && lead(found?.[1] ?? "");
      if (span && skipped !== undefined) return [offset + span[0] + skipped, offset + span[1]];
    }
  }
  return undefined;
}

/**
 * The sentences and clauses of a long question that ask something, each a question the member
 * may really be asking amid context and opinion; none for a short question.
 */
export function questionParts(question: string): string[] {
  if (wordCount(question) < MIN_WORDS_TO_SPLIT) return [];
  const parts = new Set<string>();
  for (const sentence of question.split(SENTENCE_END)) {
    const trimmed = sentence.trim();
    if (wordCount(trimmed) >= MIN_PART_WORDS && asks(trimmed)) parts.add(trimmed);
    const clauses = trimmed.split(CLAUSE_BREAK).map((clause) => clause.trim());
    if (clauses.length < 2) continue;
    for (const clause of clauses) {
      if (wordCount(clause) >= MIN_PART_WORDS && asks(clause)) parts.add(clause);
    }
  }
  parts.delete(question.trim());
  return [...parts];
}
