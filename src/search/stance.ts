import { askingSentences, spanAsked } from "./parts.ts";

/**
 * A question for a party's stance ("What's Tokyo's position on compensation claims?", "Japan's
 * view on wartime claims", "according to Tokyo, were the grievances resolved?") is answered where
 * the party states it: "Japan says wartime issues were settled…". A paragraph that names the party
 * as the object of another's act ("ordered Japanese companies to compensate…") shares its words
 * but not its stance. "What did Seoul say" is not read so: it asks what was said, by anyone
 * speaking for Seoul.
 */

const PARTY = "([\\p{L}'’.-]+(?: [\\p{L}'’.-]+)?)";
/** How a message names the party whose stance it asks. */
const ASKING_FOR_STANCE = [
  new RegExp(`\\b${PARTY}(?:'s|’s) (?:position|view|stance|argument|case|line)\\b`, "diu"),
  new RegExp(`\\baccording to ${PARTY}`, "diu"),
  new RegExp(`\\bin ${PARTY}(?:'s|’s) (?:view|eyes)\\b`, "diu"),
];
/** Words before the party that are none of it: "What's", "what is", "so is the". */
const NOT_THE_PARTY =
  /^(?:(?:what|who|how|why|when|where|which)(?:['’]s|s)?\s+|(?:is|are|was|were|does|do|did|the|so|and|but)\s+)+/iu;
/** Words in those places that name no party: "the article's view", "according to it". */
const NO_PARTY =
  /^(?:it|they|this|that|he|she|you|we|article|report|story|piece|source|sources|news|my|your|his|her|their|our)(?: |$)/iu;

/**
 * [start, end) of the party whose stance a message asks, in the message; undefined if none.
 * `asking` is the message's sentences that ask, when the caller has them already.
 */
export function stanceAskedOf(
  question: string,
  asking: readonly string[] = askingSentences(question),
): [number, number] | undefined {
  // "What's Tokyo's position", "what is Japan's argument": the party is after the verb.
  return spanAsked(question, asking, ASKING_FOR_STANCE, (party) => {
    const lead = NOT_THE_PARTY.exec(party)?.[0].length ?? 0;
    return lead === party.length || NO_PARTY.test(party.slice(lead)) ? undefined : lead;
  });
}

/** A party stating its stance: its name, then at most two words, then a verb of saying or holding. */
const STATES =
  /^(?:['’]s)?(?:\s+[\p{L}-]+){0,2}?\s+(?:says|said|say|argues|argued|claims|claimed|insists|insisted|maintains|maintained|contends|views|viewed|sees|saw|believes|thinks|cited|cites|points to)\b/iu;

/** How far after the party's name its verb may stand, in characters. */
const STATING_REACH = 60;

/** Whether the party, named in `text` where each of `ends` is, states something there. */
export function statesAt(text: string, ends: readonly number[]): boolean {
  return ends.some((end) => STATES.test(text.slice(end, end + STATING_REACH)));
}
