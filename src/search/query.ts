import { analyze, conceptKey, positionsInHits } from "./analyze.ts";
import type { SearchIndex } from "./build.ts";
import { expandChatSpellings } from "./chat.ts";
import { englishNeighbour, isCommonEnglishWord, isEverydayEnglishWord } from "./english.ts";
import { type Correction, editDistance } from "./fuzzy.ts";
import type { ConceptHit } from "./glossary.ts";
import {
  type AnswerType,
  answerTypeOf,
  asksAboutLanguage,
  asksForInstructions,
  asksForMoney,
  asksWhatCjkTermIs,
  CALENDAR_WORDS,
  definingFramePositions,
} from "./intent.ts";
import { askingSentences } from "./parts.ts";
import { asksAboutOwnAffairs } from "./personal.ts";
import { reactionAskedOf } from "./reaction.ts";
import { asksWhetherUndone } from "./reversal.ts";
import { lowerBound } from "./sorted.ts";
import { stanceAskedOf } from "./stance.ts";
import { QUESTION_WORDS, STOP_WORDS } from "./stopwords.ts";
import { containsCjk, stemWord, type Token, tokenize, wordsOf } from "./text.ts";
import { unmentionedInQuestion } from "./unmentioned.ts";
import { whoAskedAmong } from "./who.ts";

/**
 * A left quote, backtick or accent typed for the apostrophe inside a word ("I‘ve", "don`t"),
 * as some keyboards do: read as the apostrophe, so the word stays one word.
 */
const APOSTROPHE_LOOKALIKE = /(?<=\p{L})[‘`´](?=\p{L})/gu;

/** A pasted link: "https://…", "www.…". */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
/** A word of a link's path worth searching: letters only, three or more ("a-50127870" is an id). */
const LINK_WORD = /^\p{L}{3,}$/u;
/** The endings of pages' file names, which say nothing of their subject. */
const PAGE_ENDINGS = new Set(["html", "htm", "php", "asp", "aspx", "amp", "index"]);

/**
 * A link a member pastes with a question ("is this true? https://…/south-korea-scraps-…") read
 * as the words of its path, the page's subject; its scheme, host, ids and query are noise that
 * would otherwise count as words the knowledge lacks.
 */
function readLinks(text: string): string {
  return text.replace(LINK, (link) => {
    let path: string;
    try {
      path = new URL(/^https?:/iu.test(link) ? link : `https://${link}`).pathname;
    } catch {
      return " ";
    }
    const words = path
      .split(/[-_/.+,;:%~]+/u)
      .filter((word) => LINK_WORD.test(word) && !PAGE_ENDINGS.has(word.toLowerCase()));
    return ` ${words.join(" ")} `;
  });
}

/** Longer questions are cut here: no member types more, and it bounds the work a question costs. */
export const MAX_QUESTION_CHARS = 1000;
const MAX_QUERY_TERMS = 32;
/** Share of a term's weight kept when only a related form of the word is known ("suspension": "suspended"). */
const RELATED_FORM_QUALITY = 0.8;
/** Stems this long and longer find their relatives by all but their last two letters. */
const MIN_RELATED_LENGTH = 7;
const MIN_RELATED_PREFIX = 6;
/** Stems of 4 and 5 letters find the longer words they may be clipped from. */
const MIN_CLIPPED_LENGTH = 4;
const MAX_CLIPPED_LENGTH = 5;
/** Share of a term's weight kept after each corrected typo. */
const TYPO_PENALTY = 0.15;

export interface QueryTerm {
  readonly key: string;
  /** The words of the question it stands for. */
  readonly label: string;
  readonly idf: number;
  /** 1, or less for a corrected typo. */
  readonly quality: number;
  /** Words inside a glossary phrase: they help a passage that has them, and cost nothing otherwise. */
  readonly optional: boolean;
  readonly known: boolean;
}

export interface Query {
  readonly text: string;
  readonly truncated: boolean;
  readonly terms: readonly QueryTerm[];
  /** The weight of a word only one passage has: what the rarest word of this knowledge weighs. */
  readonly maxIdf: number;
  readonly questionWords: ReadonlySet<string>;
  readonly answerType: AnswerType | undefined;
  /** It asks how much money ("how much compensation…"): a sum answers it, not any number. */
  readonly asksMoney: boolean;
  /**
   * It asks whether a step was undone ("did Japan ever put Korea back on the white list"): a later
   * event, which only a paragraph that tells of one answers (reversal.ts).
   */
  readonly asksWhetherUndone: boolean;
  /**
   * When a sentence that asks opens with "who", the question's words by their first letters: only
   * a passage that names someone else answers it (who.ts). Undefined otherwise.
   */
  readonly whoAsked: ReadonlySet<string> | undefined;
  /**
   * The key of the party whose reaction it asks ("What was China's reaction…?"; for "South Korea's
   * finance minister", the minister): only a passage that tells of that party saying or doing
   * something answers it (reaction.ts).
   */
  readonly reactionOf: ReadonlySet<string> | undefined;
  /**
   * The key of the party whose stance it asks ("What's Tokyo's position…?"): a passage where that
   * party states it comes first among the best three (stance.ts).
   */
  readonly stanceOf: ReadonlySet<string> | undefined;
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
  /** It asks about the Korean or Japanese language ("how do I say thank you in Korean"). */
  readonly aboutLanguage: boolean;
  /**
   * It asks how to do something or what to do, or about the member's own affairs, with a word the
   * knowledge lacks ("how do I renew my passport", "what should I pack", "can I use my visa card
   * in Seoul"): no news paragraph answers it.
   */
  readonly asksInstructions: boolean;
  /**
   * It is one sentence of a longer message, read to tell whether it is on the topic (answer.ts):
   * "I shook on a verbal agreement with my landlord." shares a glossary word by chance.
   */
  readonly contextSentence: boolean;
  /**
   * The names and years no source mentions in a sentence that asks ("What did Mike Pompeo
   * say…?", "…in 2023?"): whatever else a paragraph matches, it cannot say what they did or
   * what happened then (unmentioned.ts).
   */
  readonly unmentioned: readonly string[];
}

/** "besides history and trade", "other than beer", "setting aside the treaty": what is not asked. */
const SET_ASIDE =
  /\b(?:besides|other than|apart from|aside from|setting aside|leaving aside|except(?: for)?)\s/giu;
/** Where what is set aside ends: a comma or sentence end, or the question resuming. */
const SET_ASIDE_END =
  /[,.;:?!]|\b(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/iu;

/**
 * The tokens of what a question sets aside ("Are there other disputes besides history and
 * trade?"): they help a passage that has them and cost nothing otherwise, as the words inside a
 * glossary phrase do, so they do not pick the paragraph about what the member already knows.
 */
function setAsidePositions(tokens: readonly Token[], text: string): Set<number> {
  const positions = new Set<number>();
  for (const match of text.matchAll(SET_ASIDE)) {
    const start = match.index + match[0].length;
    const rest = text.slice(start);
    const endMatch = SET_ASIDE_END.exec(rest);
    const end = start + (endMatch ? endMatch.index : rest.length);
    tokens.forEach((token, position) => {
      if (token.start >= start && token.end <= end) positions.add(position);
    });
  }
  return positions;
}

export function parseQuery(index: SearchIndex, question: string): Query {
  // Invisible format characters (zero-width space, soft hyphen) can sit inside a word: drop them.
  const cleaned = question
    .replace(/\p{Cf}+/gu, "")
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(APOSTROPHE_LOOKALIKE, "’");
  const truncated = cleaned.length > MAX_QUESTION_CHARS;
  const text = (truncated ? cleaned.slice(0, MAX_QUESTION_CHARS) : cleaned).trim();
  const searchable = expandChatSpellings(readLinks(text));
  const corrections: { from: string; to: string }[] = [];
  const quality = new Map<number, number>();
  let lookups = 0;
  const tokens = tokenize(searchable).map((token, position): Token => {
    if (token.stop || token.cjk || index.postings.has(token.stem)) return token;
    // A word the knowledge knows (from a title, a tag or the glossary) is not a typo, and
    // neither is a common English word: "price" is not "prime", nor "products" "produced".
    const englishWord = isCommonEnglishWord(token.norm);
    const known =
      englishWord || index.vocabulary.has(token.norm) || index.knownStems.has(token.stem);
    // A mistyped question word still asks its question: "wich" is "which", never "with".
    const questionWord = known ? undefined : mistypedQuestionWord(token.norm);
    if (questionWord) return { ...token, norm: questionWord, stem: questionWord, stop: true };
    const typedName = isTypedName(token, position);
    const correction =
      known || lookups++ >= MAX_TYPO_LOOKUPS
        ? undefined
        : (calendarWordFor(token.norm, typedName) ??
          (typedName ? knowledgeNameMistyped(index, token.norm) : correctWord(index, token.norm)));
    if (correction && !STOP_WORDS.has(correction.word) && !NUMBER_WORDS.has(correction.word)) {
      corrections.push({ from: token.raw, to: correction.word });
      quality.set(position, 1 - TYPO_PENALTY * correction.distance);
      return { ...token, norm: correction.word, stem: stemWord(correction.word) };
    }
    const relative = relatedStem(index, token.stem, englishWord);
    if (relative) {
      quality.set(position, RELATED_FORM_QUALITY);
      return { ...token, stem: relative };
    }
    // Nearest to a word without a topic ("waht", "becuase"): a typo of it, nothing to look for.
    return correction || isMistypedStopWord(token.norm) ? { ...token, stop: true } : token;
  });
  const analysis = analyze(searchable, index.glossary, tokens);

  const terms = new Map<string, QueryTerm>();
  const total = index.knowledge.passages.length;
  const add = (key: string, label: string, termQuality: number, optional: boolean) => {
    const existing = terms.get(key);
    if (existing && (!existing.optional || optional) && existing.quality >= termQuality) return;
    const documentFrequency = index.postings.get(key)?.passages.length ?? 0;
    terms.set(key, {
      key,
      label,
      idf: documentFrequency > 0 ? idf(total, documentFrequency) : unknownWordIdf(total, label),
      quality: Math.max(termQuality, existing?.quality ?? 0),
      optional: optional && (existing?.optional ?? true),
      known: documentFrequency > 0,
    });
  };
  // A glossary term the passages never use as that term ("agreement", always inside "military
  // information agreement" there) is searched for by its words instead.
  const hits: ConceptHit[] = [];
  const unusedHits: ConceptHit[] = [];
  for (const hit of analysis.hits) {
    (index.postings.has(conceptKey(hit.concept)) ? hits : unusedHits).push(hit);
  }
  const inHit = positionsInHits(hits);
  const setAside = setAsidePositions(tokens, searchable);
  for (const hit of hits) {
    let hitQuality = 1;
    for (let position = hit.firstToken; position < hit.endToken; position++) {
      hitQuality = Math.min(hitQuality, quality.get(position) ?? 1);
    }
    add(
      conceptKey(hit.concept),
      searchable.slice(hit.start, hit.end),
      hitQuality,
      setAside.has(hit.firstToken),
    );
  }
  const answerType =
    answerTypeOf(tokens, isOneTerm(tokens, hits)) ??
    (asksWhatCjkTermIs(searchable, (subject) => index.glossary.isTerm(subject))
      ? "definition"
      : undefined);
  const framing = new Set(
    answerType === "definition" || answerType === "expansion" ? definingFramePositions(tokens) : [],
  );
  tokens.forEach((token, position) => {
    if (!token.stop && !framing.has(position)) {
      add(
        token.stem,
        token.raw,
        quality.get(position) ?? 1,
        inHit.has(position) || setAside.has(position),
      );
    }
  });
  // A Korean or Japanese term the passages never use as that term ("제3자 변제", where they say
  // "payment by a third party"): its entry's English name, by its words, is what they may hold.
  for (const hit of unusedHits) {
    const label = index.glossary.labels[hit.concept] ?? "";
    const typed = searchable.slice(hit.start, hit.end);
    if (!containsCjk(typed) || containsCjk(label)) continue;
    for (const word of tokenize(label)) {
      if (!word.stop && index.postings.has(word.stem)) add(word.stem, typed, 1, false);
    }
  }

  const strongestFirst = [...terms.values()]
    .sort((a, b) => b.idf - a.idf)
    .slice(0, MAX_QUERY_TERMS);
  const searched = new Set(strongestFirst.map((term) => term.key));
  // Read by the rules for steps undone, reactions, stances, "who" and the member's own affairs.
  const asking = askingSentences(searchable);
  const partyAt = (span: readonly [number, number] | undefined) =>
    partyKeys(index, searchable, span, tokens, hits, inHit, searched);
  return {
    text,
    truncated,
    terms: strongestFirst,
    maxIdf: idf(total, 1),
    questionWords: new Set(
      tokens.filter((token) => QUESTION_WORDS.has(token.norm)).map((token) => token.norm),
    ),
    answerType,
    asksMoney: answerType === "quantity" && asksForMoney(searchable),
    asksWhetherUndone: asksWhetherUndone(searchable, asking),
    whoAsked: whoAskedAmong(searchable, asking),
    reactionOf: partyAt(reactionAskedOf(searchable, asking)),
    stanceOf: partyAt(stanceAskedOf(searchable, asking)),
    corrections,
    aboutLanguage: asksAboutLanguage(searchable),
    asksInstructions:
      (asksForInstructions(searchable) || asksAboutOwnAffairs(searchable, asking)) &&
      strongestFirst.some((term) => !term.optional && !term.known && !containsCjk(term.label)),
    contextSentence: false,
    unmentioned: unmentionedInQuestion(index, searchable, tokens, inHit, unusedHits),
  };
}

/**
 * Heads that say only that a party speaks through someone ("the Korean government", "the 2
 * governments", "the NSC official"): the words before them name the party, and a paragraph where
 * South Korea or its presidential office says something is the government's reaction.
 */
const SPEAKING_FOR = new Set([
  "government",
  "governments",
  "administration",
  "authorities",
  "official",
  "officials",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "side",
  "sides",
  "country",
  "countries",
]);

/**
 * The query's key for a party the question names at `span` ([start, end) in its text): its last
 * word or glossary term the query searches, the noun the rest qualifies. "South Korea's stock
 * market" is a market, "South Korea's finance minister" a minister: a paragraph where South Korea
 * says something tells nothing of them. "north korea" and "Tokyo" are one term each. A head that
 * says only that the party speaks through someone ("the Korean government") leaves the party to
 * the words before it; an outlet ("what does DW say") is the source, no party.
 */
function partyKeys(
  index: SearchIndex,
  text: string,
  span: readonly [number, number] | undefined,
  tokens: readonly Token[],
  hits: readonly ConceptHit[],
  inHit: ReadonlySet<number>,
  searched: ReadonlySet<string>,
): ReadonlySet<string> | undefined {
  if (!span) return undefined;
  const [start, end] = span;
  const named = text.slice(start, end).trim().toLowerCase();
  if (index.knowledge.documents.some((document) => document.source.toLowerCase() === named)) {
    return undefined;
  }
  const words: { key: string; at: number; word: string; head?: Token }[] = [];
  const consider = (key: string, at: number, word: string, head?: Token) => {
    if (at >= start && at < end && searched.has(key)) words.push({ key, at, word, head });
  };
  for (const hit of hits) {
    const last = tokens.slice(hit.firstToken, hit.endToken).findLast((token) => !token.stop);
    consider(conceptKey(hit.concept), hit.start, "", last);
  }
  tokens.forEach((token, position) => {
    // "China's": the party's word ends after the span, with its possessive.
    if (!token.stop && !inHit.has(position)) consider(token.stem, token.start, token.norm);
  });
  words.sort((a, b) => a.at - b.at);
  const head = words.at(-1);
  if (!head) return undefined;
  // A paragraph may name "the Supreme Court" inside a longer term ("the Supreme Court ruled", a
  // court ruling): its head word names the party there too.
  const headWord = head.head;
  if (headWord && !SPEAKING_FOR.has(headWord.norm) && searched.has(headWord.stem)) {
    return new Set([head.key, headWord.stem]);
  }
  if (!SPEAKING_FOR.has(head.word)) return new Set([head.key]);
  // "the two governments", "both sides": no party is named, only that some spoke.
  const before = words
    .slice(0, -1)
    .filter((word) => !/^(?:\d+|one|two|three|both)$/u.test(word.word));
  return before.length > 0 ? new Set(before.map((word) => word.key)) : undefined;
}

/** Whether the question's words of substance are one word or one glossary term: "white list". */
function isOneTerm(tokens: readonly Token[], hits: readonly ConceptHit[]): boolean {
  const positions = tokens.flatMap((token, position) => (token.stop ? [] : [position]));
  if (positions.length === 1) return true;
  return hits.some((hit) =>
    positions.every((position) => position >= hit.firstToken && position < hit.endToken),
  );
}

/**
 * A word the knowledge never uses weighs as much as its rarest word, so an off-topic question
 * stays mostly unanswered. A Korean or Japanese word outside the glossary weighs less: the
 * knowledge is in English, so it neither supports nor contradicts a passage.
 */
function unknownWordIdf(total: number, word: string): number {
  return idf(total, 1) * (containsCjk(word) ? 0.3 : 0.9);
}

/**
 * A stem of the knowledge that is the same word with another ending: one that shares all but
 * the last letters of an unknown stem, which Porter stemming leaves apart ("suspens" and
 * "suspend"), or, for a short unknown word, one that starts with all of it: a clipped word of
 * chat ("intel", "admin"); a whole English word only by an ending that makes another form of
 * it (see isDerivedForm). The most frequent such stem wins.
 */
function relatedStem(index: SearchIndex, stem: string, englishWord: boolean): string | undefined {
  const clipped = stem.length >= MIN_CLIPPED_LENGTH && stem.length <= MAX_CLIPPED_LENGTH;
  if (!clipped && stem.length < MIN_RELATED_LENGTH) return undefined;
  const prefix = clipped ? stem : stem.slice(0, Math.max(MIN_RELATED_PREFIX, stem.length - 2));
  const stems = index.sortedStems;
  let best: { stem: string; frequency: number } | undefined;
  for (
    let at = lowerBound(stems, (candidate) => candidate < prefix);
    at < stems.length && (stems[at] as string).startsWith(prefix);
    at++
  ) {
    const candidate = stems[at] as string;
    if (clipped ? candidate.length < stem.length + 2 : Math.abs(candidate.length - stem.length) > 3)
      continue;
    // A whole English word is no clipping: it may only gain an ending ("react": "reaction"),
    // not grow into another word ("missed": "missile" or "mission", "election": "electron").
    if (clipped && englishWord && !isDerivedForm(stem, candidate)) continue;
    // Nor may it trade its ending for another but a related one ("brother" is no "brothel").
    if (!clipped && englishWord && !sharesItsEnding(stem, candidate)) continue;
    const frequency = index.postings.get(candidate)?.passages.length ?? 0;
    if (!best || frequency > best.frequency) best = { stem: candidate, frequency };
  }
  return best?.stem;
}

/** Endings that make words of one family: "tourist" and "tourism", "tighter" and "tighten". */
const RELATED_ENDINGS: readonly (readonly [string, string])[] = [
  ["ist", "ism"],
  ["er", "en"],
  ["or", "our"],
];

/**
 * Whether an English word's stem and a stem of the knowledge that begins like it are one word's
 * forms: one is the other with an ending added or left off ("complain", "complaint";
 * "historian", "histori"), or they end in related endings ("neighbor", "neighbour"). "brother"
 * and "brothel", "properly" and "property", "convert" and "conversation" are not.
 */
function sharesItsEnding(stem: string, candidate: string): boolean {
  if (candidate.startsWith(stem) || stem.startsWith(candidate)) return true;
  return RELATED_ENDINGS.some(
    ([one, other]) =>
      endsAlike(stem, one, candidate, other) || endsAlike(stem, other, candidate, one),
  );
}

/** Whether `word` ends in `ending` and `other` in `otherEnding`, the rest the same. */
function endsAlike(word: string, ending: string, other: string, otherEnding: string): boolean {
  return (
    word.endsWith(ending) &&
    other.endsWith(otherEnding) &&
    word.slice(0, -ending.length) === other.slice(0, -otherEnding.length)
  );
}

/**
 * Whether a stem of the knowledge is another form of a short English word's stem, as Porter
 * leaves them apart: "-ment" ("agre", "agreement"; "judg", "judgment"), and "-ion" or "-ive"
 * after "ct" ("react", "reaction", "reactiv"). Other endings join other words too often: "miss"
 * and "mission", "port" and "portion", "sign" and "signal".
 */
function isDerivedForm(stem: string, candidate: string): boolean {
  const ending = candidate.slice(stem.length);
  return /^e?ment$/.test(ending) || (stem.endsWith("ct") && /^(?:ion|iv)$/.test(ending));
}

/**
 * A mistyped month or weekday ("novmber", "thrusday"), whether or not the knowledge has it: a
 * member who asks about a date must not be read as asking about a "number". Typed capitalised
 * after the first word, it may be a name one letter from a month or day ("Marco", "Frida",
 * "Augusta"): then only two letters swapped or an inner letter left out count ("Thrusday",
 * "Febuary").
 */
function calendarWordFor(word: string, typedAsName: boolean): Correction | undefined {
  if (word.length < 5) return undefined;
  for (const calendarWord of CALENDAR_WORDS) {
    const distance = editDistance(word, calendarWord, 2);
    if (distance > (word.length <= 6 ? 1 : 2)) continue;
    if (!typedAsName || isSwapOrInnerDrop(word, calendarWord)) {
      return { word: calendarWord, distance };
    }
  }
  return undefined;
}

/** Whether `typed` is `word` with two neighbouring letters swapped or a letter inside it left out. */
function isSwapOrInnerDrop(typed: string, word: string): boolean {
  if (typed.length === word.length) {
    const differ = [...typed].flatMap((letter, at) => (letter === word[at] ? [] : [at]));
    const [first, second] = differ;
    return (
      differ.length === 2 &&
      second === (first as number) + 1 &&
      typed[first as number] === word[second] &&
      typed[second] === word[first as number]
    );
  }
  if (typed.length !== word.length - 1) return false;
  for (let at = 1; at < word.length - 1; at++) {
    if (word.slice(0, at) + word.slice(at + 1) === typed) return true;
  }
  return false;
}

/** Words a typo is never corrected to: a question about a month is not about a "number". */
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  "number numbers numbered one two three four five six seven eight nine ten hundred thousand million billion".split(
    " ",
  ),
);

/**
 * A capitalised word after the first ("Paris", "Busan") is a name the member took care to type,
 * not a typo: the knowledge lacking it says the question is about something else, where
 * correcting it ("parts") would make up a match.
 */
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;
function isTypedName(token: Token, position: number): boolean {
  return position > 0 && TITLE_CASE.test(token.raw);
}

/** A name shorter than this is too near other names to be read as a typo of the knowledge's. */
const MIN_MISTYPED_NAME_LENGTH = 5;

/**
 * A typed name the knowledge has, mistyped: two neighbouring letters swapped ("Seuol",
 * "Washintgon"), or any one slip in a name that a tenth of the passages or more have, the
 * parties' own ("Sohth Koyea", "Japaese"), which members mistype far more often than they name
 * someone one letter from them. Otherwise a letter more, fewer or wrong makes one real name of
 * another ("Emmanuel" and "Emanuel", "Takashi" and "Takeshi"). Only into a name, so "Greta"
 * stays itself, not "great". Typing rarely gets the first letter wrong.
 */
function knowledgeNameMistyped(index: SearchIndex, word: string): Correction | undefined {
  if (word.length < MIN_MISTYPED_NAME_LENGTH) return undefined;
  for (let at = 1; at < word.length - 1; at++) {
    if (word[at] === word[at + 1]) continue;
    const swapped = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (index.vocabulary.has(swapped) && writtenAsName(index, swapped)) {
      return { word: swapped, distance: 1 };
    }
  }
  const correction = index.vocabulary.correct(word);
  // A month or weekday is capitalised and common too: calendarWordFor reads those, strictly.
  if (correction?.distance !== 1 || CALENDAR_WORDS.has(correction.word)) return undefined;
  const passages = index.postings.get(stemWord(correction.word))?.passages.length ?? 0;
  const common =
    passages >=
    Math.max(MIN_COMMON_NAME_PASSAGES, COMMON_NAME_SHARE * index.knowledge.passages.length);
  return common && writtenAsName(index, correction.word) ? correction : undefined;
}

/** A name in this share of the passages, and in this many at least, is one of the topic's own. */
const COMMON_NAME_SHARE = 0.1;
const MIN_COMMON_NAME_PASSAGES = 3;

/** Passages read to tell whether the knowledge writes a word as a name. */
const PASSAGES_READ_FOR_CASE = 5;

/**
 * Whether the passages that have a word mostly write it, in any of its forms, capitalised:
 * "Seoul" and "Koreans", not "great".
 */
function writtenAsName(index: SearchIndex, word: string): boolean {
  const stem = stemWord(word);
  const postings = index.postings.get(stem);
  if (!postings) return false;
  let capitalised = 0;
  let lowerCase = 0;
  const read = Math.min(postings.passages.length, PASSAGES_READ_FOR_CASE);
  for (let at = 0; at < read; at++) {
    const passage = index.knowledge.passages[postings.passages[at] as number];
    for (const written of wordsOf(passage?.text ?? "")) {
      if (written.stem !== stem) continue;
      if (written.raw !== written.raw.toLowerCase()) capitalised++;
      else lowerCase++;
    }
  }
  return capitalised > lowerCase;
}

/**
 * At most this many words of a question are looked up as typos: a long question of nonsense
 * costs a few fuzzy lookups, not one per word.
 */
export const MAX_TYPO_LOOKUPS = 8;

/**
 * A typo corrected to a word of the knowledge, or, where that is two edits away and another
 * English word one, to that word, the likelier one meant ("compard" is "compared", not
 * "company"), provided the knowledge has its stem ("expiring" finds "expire") or it is an
 * everyday word: "tarrifs" stays "tariffs", not the rarer "tarries".
 */
function correctWord(index: SearchIndex, word: string): Correction | undefined {
  const correction = index.vocabulary.correct(word);
  if (!correction || correction.distance < 2) return correction;
  const nearer = englishNeighbour(word, correction.word);
  if (!nearer) return correction;
  const likely = index.knownStems.has(stemWord(nearer)) || isEverydayEnglishWord(nearer);
  return likely ? { word: nearer, distance: 1 } : correction;
}

/** "wich", "wehn", "whay": a question word one edit away, for a word that is no English word. */
function mistypedQuestionWord(word: string): string | undefined {
  return QUESTION_WORDS.has(word) ? undefined : oneEditFrom(word, QUESTION_WORDS);
}

/** Stop words of four letters or more: a shorter one is too near too many words to be typed for. */
const LONG_STOP_WORDS = [...STOP_WORDS].filter((stopWord) => stopWord.length >= 4);

/** "waht", "becuase": a typo of a word without a topic, one edit away. */
function isMistypedStopWord(word: string): boolean {
  return oneEditFrom(word, LONG_STOP_WORDS) !== undefined;
}

/** The first of `words` one edit from a typed word of four letters or more, with its first letter. */
function oneEditFrom(word: string, words: Iterable<string>): string | undefined {
  if (word.length < 4) return undefined;
  for (const candidate of words) {
    if (candidate[0] === word[0] && editDistance(word, candidate, 1) <= 1) return candidate;
  }
  return undefined;
}

function idf(total: number, documentFrequency: number): number {
  return Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
