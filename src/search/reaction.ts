import { askingSentences, spanAsked } from "./parts.ts";

/**
 * A question how someone reacted ("What was China's reaction to the decision?", "how did north
 * korea react to all this", "what did north korea say abt the intel sharing ending", "did Tokyo
 * say anything", "pompeo esper reaction gsomia") asks what that party said or did. A
 * paragraph that names the party only in passing ("Washington is in a trade dispute with China")
 * cannot answer it: one must tell, in the same sentence, of the party saying, seeing or doing
 * something.
 */

const ACTOR = "([\\p{L}'’. -]{2,40}?)";
/** How a sentence that asks names the party whose reaction it asks. */
const ASKING_FOR_REACTION = [
  new RegExp(
    `\\bhow (?:did|does|do|has|have|was|were|is) (?:the )?${ACTOR} (?:react|respond|reply|replied|view|see|take|feel)\\b`,
    "diu",
  ),
  new RegExp(
    `\\bwhat (?:was|were|is|has been) (?:the )?${ACTOR}(?:'s|s'|’s) (?:reaction|response|view|take|stance)\\b`,
    "diu",
  ),
  new RegExp(`\\bwhat did (?:the )?${ACTOR} (?:think|make) of\\b`, "diu"),
  new RegExp(`\\bwhat did (?:the )?${ACTOR} say in response\\b`, "diu"),
  new RegExp(`\\bwhat (?:did|does|has|have) (?:the )?${ACTOR} (?:say|said)\\b`, "diu"),
  new RegExp(`\\b(?:did|has|have) (?:the )?${ACTOR} (?:say|said) anything\\b`, "diu"),
];
/** How a message typed as into a search box names it: "china reaction gsomia", "US response to…". */
const SEARCHED_REACTION = new RegExp(
  `(?:^|[,.;:]\\s*)(?:the )?${ACTOR}(?:'s|’s)? (?:reaction|response)\\b`,
  "diu",
);
/** A party has at most this many words: more is a clause ("the two sides in this whole mess"). */
const MAX_ACTOR_WORDS = 4;
/** Words that name no party, or the source itself ("what is the article's take"). */
const NO_PARTY =
  /^(?:they|it|he|she|you|we|people|everyone|anyone|this|that|these|those|article|report|story|piece|author|writer|paper|news)$/iu;

/**
 * [start, end) of the party whose reaction a message asks, in the message; undefined if none.
 * `asking` is the message's sentences that ask, when the caller has them already.
 */
export function reactionAskedOf(
  question: string,
  asking: readonly string[] = askingSentences(question),
): [number, number] | undefined {
  return spanAsked(
    question,
    asking,
    ASKING_FOR_REACTION,
    (party) => {
      const actor = party.trim();
      return actor.split(/\s+/u).length > MAX_ACTOR_WORDS || NO_PARTY.test(actor) ? undefined : 0;
    },
    [SEARCHED_REACTION],
  );
}

/** What a party says, thinks or does in a sentence that tells of its reaction. */
const REACTING =
  /\b(?:said|says|say|told|tells|stated|states|call(?:ed|s)|warn\w*|urg\w*|express\w*|react\w*|respon\w*|repl(?:y|ied|ies)|welcom\w*|critici[sz]\w*|protest\w*|condemn\w*|voic\w*|regret\w*|slamm?\w*|accus\w*|demand\w*|argu\w*|added|noted|hail\w*|lament\w*|den(?:y|ied|ies)|describ\w*|comment\w*|prais\w*|blam\w*|vow\w*|pledg\w*|signal\w*|approv\w*|rul(?:ed|es|ing)|order(?:ed|s|ing)|disappoint\w*|concern\w*|dismay\w*|reject\w*|views?|viewed|sees?|saw|regard\w*|consider\w*|believ\w*|thinks?|thought|insist\w*|maintain\w*|announc\w*|decid\w*|retaliat\w*|press(?:ed|es|ing)|push\w*|oppos\w*|support\w*|back(?:ed|s|ing)|ask\w*|offer\w*|agre\w*|refus\w*|threat\w*|cheer\w*|celebrat\w*|mock\w*|denounc\w*|fell|fall|rose|rise|dropped|plunged|jumped|slid|tumbled)\b/iu;

/** The sentence of a paragraph around a place in it. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at).search(/[.!?]\s+(?=[^.!?]*$)/u);
  const start = before < 0 ? 0 : before + 1;
  const after = text.slice(at).search(/[.!?](?:\s|$)/u);
  return text.slice(start, after < 0 ? text.length : at + after + 1);
}

/**
 * Whether a party named at one of `starts` (where its names start in `text`) reacts in its
 * sentence, or, when the paragraph's heading, title or the paragraph before names it ("# North
 * Korea"), in any sentence.
 */
export function reactsAt(text: string, starts: readonly number[], namedAbove: boolean): boolean {
  if (namedAbove) return REACTING.test(text);
  return starts.some((start) => REACTING.test(sentenceAround(text, start)));
}
