import { askingSentences } from "./parts.ts";

/**
 * A question whether a step was undone ("Did Seoul reverse its GSOMIA decision?", "when did Japan
 * put Korea back on the white list", "When did Japan lift the curbs?") asks for a later event. A
 * paragraph that only tells of the step itself cannot answer it, however many words it shares.
 */

/**
 * Verbs that ask whether a step was undone. Nouns ("Seoul's u-turn", "its reversal") name an
 * undoing the question takes as known, and ask something of it.
 */
const UNDOING =
  /\b(?:revers(?:e|ed|es|ing)|restor(?:e|ed|es|ing)|reinstat(?:e|ed|es|ing)|lift(?:ed|s|ing)?|undo|undid|undone|rescind(?:ed|s|ing)?|retract(?:ed|s|ing)?|overturn(?:ed|s|ing)?|normali[sz](?:e|ed|es|ing)|(?:put|puts|putting|got|get|gets|bring|brought|add|added|adds|take|took|taken)\b(?:\s+[\p{L}'-]+){0,4}?\s+back\s+(?:on|onto))\b/giu;

/** Words after a step that make it the 1965 normalisation of ties ("restored diplomatic relations"). */
const OF_RELATIONS = /^(?:\s+[\p{L}'-]+){0,3}?\s+(?:relations|ties)\b/iu;

/** Words with which a paragraph tells that a step was undone, or put off, or taken up again. */
const TELLS_UNDOING =
  /\b(?:revers\w*|restor\w*|reinstat\w*|lift\w*|undo|undid|undone|rescind\w*|retract\w*|overturn\w*|u-turn|normali[sz]\w*|back\s+(?:on|onto|in|into|to)|return\w*|resum\w*|suspen\w*|withdr[ae]w\w*|eas(?:e|ed|es|ing)|relax\w*|again|reconsider\w*)\b/iu;

function asksWhetherUndoneIn(sentence: string): boolean {
  for (const match of sentence.matchAll(UNDOING)) {
    const after = sentence.slice((match.index ?? 0) + match[0].length);
    if (!OF_RELATIONS.test(after)) return true;
  }
  return false;
}

/**
 * Whether a sentence that asks asks whether a step was undone: a later event. `asking` is the
 * message's sentences that ask, when the caller has them already.
 */
export function asksWhetherUndone(
  question: string,
  asking: readonly string[] = askingSentences(question),
): boolean {
  return asking.some(asksWhetherUndoneIn);
}

/** Whether a paragraph tells of a step undone, suspended or resumed: one that may answer. */
export function tellsOfUndoing(text: string): boolean {
  return TELLS_UNDOING.test(text);
}
