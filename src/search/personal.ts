import { askingSentences } from "./parts.ts";

/**
 * Words after "my" that speak of the asking itself, not of the member's affairs: "my question",
 * "to my knowledge", "my bad".
 */
const ABOUT_THE_ASKING = new Set([
  "bad",
  "god",
  "gosh",
  "guess",
  "head",
  "knowledge",
  "memory",
  "mind",
  "opinion",
  "point",
  "question",
  "questions",
  "reading",
  "take",
  "understanding",
  "view",
]);

/** "my dad says…", "my teacher told us…": a claim brought in to be checked, not the member's affairs. */
const SAYING =
  /^(?:say|says|said|saying|tell|tells|told|think|thinks|thought|insist|insists|insisted|claim|claims|claimed|swear|swears|swore|argue|argues|argued|believe|believes|reckon|reckons|mention|mentioned|heard|keeps|kept|asked|asks)$/u;

function namesOwnAffairs(sentence: string): boolean {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  return words.some(
    (word, at) =>
      word === "my" &&
      words[at - 1] !== "oh" &&
      !ABOUT_THE_ASKING.has(words[at + 1] ?? "") &&
      // "My friend who follows East Asian security says…": the verb may come late.
      !words.slice(at + 1).some((next) => SAYING.test(next)),
  );
}

/**
 * Whether a message asks about the member's own affairs: "is it legal for my employer to not pay
 * me for overtime", "can i use my visa card in seoul". News says what happened to others; it
 * cannot say what holds for the member's employer, rent or card. Only the sentences that ask are
 * read (`asking`: those with a question mark, or else those with a question word), since context ("My
 * cousin in Osaka says…", "I hold Samsung shares in my account.") often speaks of the member.
 */
export function asksAboutOwnAffairs(
  question: string,
  asking: readonly string[] = askingSentences(question),
): boolean {
  return /\bmy\b/iu.test(question) && asking.some(namesOwnAffairs);
}
