import { containsCjk, type Token, wordCount } from "./text.ts";

/** The kind of answer a question asks for, read from its question words. */
export type AnswerType =
  | "reason"
  | "time"
  | "year"
  | "quantity"
  | "duration"
  | "person"
  | "definition"
  | "expansion"
  | "list"
  | "purpose"
  | "place";

export const MONTHS: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const WEEKDAYS: readonly string[] = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];
/** The months and weekdays in lower case, as a question's words are compared with them. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  [...MONTHS, ...WEEKDAYS].map((word) => word.toLowerCase()),
);
/** Zero to twelve written out, each at its value: "three" at 3. */
export const SMALL_NUMBER_NAMES: readonly string[] = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
const MONTH = MONTHS.join("|");
/** A name capitalised or not ("july", "July"), but "May" and "March" only capitalised: they are words too. */
function eitherCase(name: string): string {
  if (name === "May" || name === "March") return name;
  return `[${name[0]}${name[0]?.toLowerCase()}]${name.slice(1)}`;
}
/**
 * A month as news agencies shorten it: "Aug. 28", "Sept. 11", and without the full stop before a
 * day ("effective Aug 28"), where "Mar" can be no verb.
 */
const MONTH_SHORT = "(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\\.|(?= \\d{1,2}\\b))";
/** A year as news writes it, 1800 to 2099. */
const YEAR = "1[89]\\d\\d|20\\d\\d";
/** Tests a text for a kind of answer; every one runs in time linear in the text's length. */
type Cue = { test(text: string): boolean };

/**
 * The kinds of answer a cue finds in any text. What a name stands for is no such kind: only the
 * ranking knows where the name stands in a passage, and checks that the passage spells it out.
 */
export type CuedAnswerType = Exclude<AnswerType, "expansion">;

const CUES: Record<CuedAnswerType, Cue> = {
  // Not "due to be renewed", "due to expire" (a schedule), "given preferential treatment" (a
  // grant) nor "cited by Yonhap" (a source).
  reason:
    /\b(because|reasons?|due to(?! (?:be|expire|end|take|start|begin|run|lapse|close|open|hold|meet|visit|arrive|resume|finish)\b)|owing to|given(?= (?:the|that|its|their|his|her|this|these|those|a|an|how|what)\b)|cit(ed|ing)(?! (?:by|at|in)\b)|in response|retaliat\w*|as a result|link(ed|ing)|so that|in order to|amid|over concerns|why)\b/i,
  /** A year alone answers "what year" fully, where "when" asks for the day. */
  year: new RegExp(`\\b(${YEAR})\\b`),
  // Case matters for "May" and "March" alone: "Japan may lift the curbs" names no month.
  time: new RegExp(
    `\\b(${YEAR}|${[...MONTHS, ...WEEKDAYS].map(eitherCase).join("|")}|[Yy]esterday|[Tt]oday|[Tt]onight|(?:[Ll]ast|[Tt]his|[Nn]ext) (?:year|month|week|weekend)|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|\\d+) (?:days?|weeks?|months?|years?) (?:ago|later|earlier))\\b|\\b${MONTH_SHORT}`,
  ),
  // Not a year, nor a day after its month ("Aug. 28", "July 4"), nor the end of a span of years ("1910-45").
  quantity: new RegExp(
    `(?<!\\b(?:${MONTH}|${MONTH_SHORT}) ?)(?<!\\d{4}[-–])\\b(?!(?:${YEAR})\\b)\\d[\\d,.]*\\b|\\b(million|billion|thousand|hundred|dozens?|handful|half|twice|percent|per cent)\\b`,
    "i",
  ),
  duration:
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|few)[ -](minutes?|hours?|days?|weeks?|months?|years?)\b/i,
  // A title is capitalised before a name ("Foreign Minister Taro Kono"); the name after "said" must
  // be. A Korean name needs neither: its given name is hyphenated ("Yang Geum-deok").
  person:
    /\b([Mm]inister|[Pp]resident|[Ss]ecretary|[Dd]irector|[Oo]fficial|[Ss]pokes\w+|[Aa]mbassador|[Cc]hief|[Cc]hairman|[Ee]nvoy|[Pp]remier|[Ll]awmaker|[Jj]udge)s?\b|\bsaid [A-Z][a-z]+ [A-Z]|\b[A-Z][a-z]{1,4} [A-Z][a-z]{1,6}-(?!(?:based|led|made|owned|run|style|era|level|backed|born|wide|term|linked)\b)[a-z]{2,5}\b/,
  definition: {
    test: (text: string) => DEFINING_WORDS.test(text) || SPELLED_OUT_ACRONYM.test(text),
  },
  /** "used to make", "in order to": what "used for" asks. */
  purpose: /\b(used (to|for|in)|to make|for making|in order to|so as to|designed to|meant to)\b/i,
  list: { test: holdsList },
  /**
   * A place named after "in", "at", "near", "venue" or "city of" ("in Nagoya", "at the Blue
   * House"), but not a month, a weekday or one of the parties and their capitals, which nearly
   * every paragraph names.
   */
  place: new RegExp(
    `\\b(?:in|at|near|venue|city of)\\s+(?:the\\s+)?(?!(?:${MONTH}|${WEEKDAYS.join("|")}|Japan|Korea|South|North|China|United|U\\.?S|America|Asia|East|World|Tokyo|Seoul)\\b)[A-Z][a-z]+`,
  ),
};

/**
 * "is a", "known as", "so-called": a text that says what something is. "Called" only as a name
 * given ("is called", "so-called"): "called the pact a stepping stone", "called on Tokyo" say
 * nothing of what it is.
 */
const DEFINING_WORDS =
  /\b(is|are) (a|an|the)\b|\b(known as|refers? to|means|stands for)\b|\b(?:is|are|was|were|be|been|also|so-)\s?called\b/i;
/** "the General Security of Military Information Agreement (GSOMIA)": a name spelled out. */
const SPELLED_OUT_ACRONYM = /\p{Lu}\p{Ll}+ \(\p{Lu}{2,}[\p{Lu}\p{Ll}]*\)/u;

const WORD_CHAR = /\w/;
const SPACE_THEN_MORE = /^\s[\s\S]/;
const AND_OR = /\s(and|or)\s\w/;
const LEADING_AND_OR = /^\s(and|or)\s\w/;
/**
 * A list's items are short ("photoresists", "hydrogen fluoride"); a longer piece after a comma
 * is a clause: "With the boycotts sparking cancellations, carriers such as Korean Air and …".
 */
const MAX_ITEM_WORDS = 4;

/**
 * "A, B and C": the items that "which" or "what are" asks for. Within a sentence (up to a
 * full stop or semicolon), a comma after a word, then items each after ", ", and "and" or "or"
 * before the last one, with or without a comma before it. The same lists as the pattern
 * /\w[^,.;]*,\s[^,.;]+(,\s[^,.;]+)*,?\s(and|or)\s\w/, found in one pass over the commas rather
 * than by backtracking, which took time quadratic in a long paragraph.
 */
export function holdsList(text: string): boolean {
  for (const sentence of text.split(/[.;]/)) {
    const pieces = sentence.split(",");
    /** A word before a comma, then only ", item" pieces: a list has begun. */
    let begun = false;
    /** The piece before was an ", item" of a begun list. */
    let afterItem = false;
    for (const piece of pieces) {
      const item: boolean = begun && SPACE_THEN_MORE.test(piece);
      // The item's first character after ", " belongs to it, so "and" starts after that.
      const andOr = item ? AND_OR.exec(piece.slice(2)) : null;
      if (andOr && wordCount(piece.slice(0, andOr.index + 2)) <= MAX_ITEM_WORDS) return true;
      if (afterItem && LEADING_AND_OR.test(piece)) return true;
      afterItem = item && wordCount(piece) <= MAX_ITEM_WORDS;
      begun = item || WORD_CHAR.test(piece);
    }
  }
  return false;
}

/** "Define X", "explain X", "meaning of X": a request for what X is. */
const DEFINING_REQUESTS = new Set(["define", "explain", "meaning", "definition"]);
/** "Acronym for X", "abbreviation of X": what X stands for. */
const ACRONYM_WORDS = new Set(["acronym", "abbreviation"]);

/**
 * The places of the words that ask what a name stands for: "stands for", "short for", "full name",
 * "full form", "acronym", "abbreviation".
 */
function expansionFramePositions(words: readonly string[]): number[] {
  const found: number[] = [];
  words.forEach((word, at) => {
    const next = words[at + 1];
    if ((word === "stand" || word === "stands" || word === "short") && next === "for") {
      found.push(at, at + 1);
    } else if (word === "full" && (next === "name" || next === "form")) found.push(at, at + 1);
    else if (ACRONYM_WORDS.has(word)) found.push(at);
  });
  return found;
}

/**
 * The places of the words that ask what a term is rather than name it: those asking what it
 * stands for, and "define", "meaning". They say what kind of answer is wanted; a paragraph need
 * not hold them ("what does GSOMIA stand for" is not about standing).
 */
export function definingFramePositions(tokens: readonly Token[]): number[] {
  const words = tokens.map((token) => token.norm);
  const requests = words.flatMap((word, at) => (DEFINING_REQUESTS.has(word) ? [at] : []));
  return [...expansionFramePositions(words), ...requests];
}

/** "Did the US send anyone": the words a question asking whether opens with. */
export const YES_NO_OPENINGS: ReadonlySet<string> = new Set(
  "did does do is are was were can could will would should has have had".split(" "),
);

/**
 * A request for what something is, or a term alone: "define shuttle diplomacy", "photoresist?",
 * "white list" (`oneTerm`: its words are one word or one glossary term).
 */
function namesOnlyATerm(tokens: readonly Token[], oneTerm: boolean): boolean {
  const words = tokens.map((token) => token.norm);
  const opening = words.find((word) => !POLITE_OPENINGS.has(word)) ?? "";
  if (DEFINING_REQUESTS.has(opening)) return true;
  // "gsomia meaning", "white list definition"
  if (words.length <= 4 && DEFINING_REQUESTS.has(words.at(-1) ?? "")) return true;
  return oneTerm && !YES_NO_OPENINGS.has(words[0] ?? "");
}

/** What a request may open with before its verb: "can you explain…", "pls define…". */
const POLITE_OPENINGS = new Set([
  "can",
  "could",
  "would",
  "will",
  "you",
  "u",
  "please",
  "pls",
  "plz",
]);
/** Words that may stand between "what" and its verb: "what exactly is GSOMIA". */
const WHAT_ADVERBS = new Set(["exactly", "actually", "really", "even", "again"]);

/** "What is X", "what was X": a short question so worded asks what X is. */
const DEFINING_VERBS = new Set(["is", "are", "was", "were"]);

/**
 * A question without a question word that names one of these asks for an amount: "expansion
 * cost", "damages per victim".
 */
const QUANTITY_NOUNS = new Set([
  "amount",
  "amounts",
  "cost",
  "costs",
  "price",
  "total",
  "sum",
  "number",
  "per",
]);
/**
 * A question without a question word that names one of these asks for a time: "removal date".
 * One naming the year asks for a year ("treaty signing year").
 */
const TIME_NOUNS = new Set(["date", "dates", "day", "month", "deadline"]);

/** A question without a question word that names one of these asks for a place: "summit venue". */
const PLACE_NOUNS = new Set(["location", "venue"]);

/** Korean and Japanese question words, found inside a phrase written without spaces. */
const CJK_CUES: readonly (readonly [RegExp, AnswerType])[] = [
  [/왜|이유|なぜ|どうして|理由/u, "reason"],
  [/언제|いつ|何日|何年/u, "time"],
  [/누가|누구|誰|だれ/u, "person"],
  [/얼마|몇|いくら|何人|どれだけ/u, "quantity"],
  [/어디|どこ/u, "place"],
];

/** "Tell me", "explain", in Korean. */
const REQUEST_IN_KOREAN = "(?:알려\\s*줘|알려\\s*주세요|설명해\\s*줘|설명해\\s*주세요)";
/**
 * A Korean or Japanese ending that asks what the words before it are: "지소미아 뭐야", "제3자
 * 변제안이 뭐예요?", "ホワイト国って何", "GSOMIAとは", and requests to explain ("…에 대해 알려줘",
 * "…について教えて"). The Japanese topic particles belong to the ending; a Korean one stays on
 * the subject (see KOREAN_SUBJECT_PARTICLE).
 */
const CJK_DEFINING_ENDINGS = [
  "뭐야|뭐예요|뭐에요|뭔가요|뭐지|뭐죠|뭐니|뭔데|뭐임|뭐냐|뭡니까",
  "무엇인가요|무엇입니까|무엇인가|무엇이야|무엇이에요|무엇이죠",
  `(?:뭔지|무엇인지)\\s*${REQUEST_IN_KOREAN}`,
  `에\\s*대해(?:서)?\\s*${REQUEST_IN_KOREAN}`,
  "이란|란",
  "(?:って|とは|は|というのは|っていうのは)\\s*(?:何|なに|なん)(?:ですか|でしょうか|なの|なんですか|か|だ)?",
  "とは|について教えて(?:ください)?|を説明して(?:ください)?",
];
const CJK_DEFINING_ENDING = new RegExp(
  `\\s*(?:${CJK_DEFINING_ENDINGS.join("|")})\\s*[?？!！.。]*\\s*$`,
  "u",
);
/** A Korean particle that may end the subject of such a question: "지소미아가 뭐야". */
const KOREAN_SUBJECT_PARTICLE = /(?:이|가|은|는)$/u;

/**
 * Whether a Korean or Japanese question asks what one thing is: its subject, before a defining
 * ending (CJK_DEFINING_ENDING), is one word of Latin letters ("GSOMIA") or one term that
 * `isTerm` knows. "일본이 수출 규제한 세 가지 품목이 뭐야" asks for the items, not what something
 * is: its subject is no one term.
 */
export function asksWhatCjkTermIs(question: string, isTerm: (text: string) => boolean): boolean {
  // Every ending is Korean or Japanese: an English question, most of them, need not be scanned.
  if (!containsCjk(question)) return false;
  const ending = CJK_DEFINING_ENDING.exec(question);
  if (!ending) return false;
  const subject = question.slice(0, ending.index).trim();
  const bare = subject.replace(KOREAN_SUBJECT_PARTICLE, "").trimEnd();
  return [subject, bare].some(
    (candidate) =>
      candidate !== "" && (/^[A-Za-z][A-Za-z0-9-]*$/u.test(candidate) || isTerm(candidate)),
  );
}

/** "What's", "whats", "who's": a question word written with "is". */
const CONTRACTED_IS = /^(?:what|who)['’]?s$/iu;

/** "why" asks for a reason, "when" for a time, "how much/many" for a quantity, and so on. */
export function answerTypeOf(tokens: readonly Token[], oneTerm = false): AnswerType | undefined {
  const words = tokens.map((token) => token.norm);
  const cjk = tokens.filter((token) => token.cjk).map((token) => token.norm);
  for (const [cue, type] of CJK_CUES) if (cjk.some((word) => cue.test(word))) return type;
  // "GSOMIA is short for what", "full name of the WTO", "what is EUV an acronym for".
  if (expansionFramePositions(words).length > 0) return "expansion";
  const used = words.indexOf("used");
  if (used >= 0 && (words[used + 1] === "for" || words[used + 1] === "in")) return "purpose";
  const first = words.findIndex((word) =>
    ["why", "when", "where", "who", "whom", "how", "what", "which"].includes(word),
  );
  if (first < 0) {
    if (words.includes("year")) return "year";
    if (words.some((word) => TIME_NOUNS.has(word))) return "time";
    if (words.some((word) => PLACE_NOUNS.has(word))) return "place";
    if (words.some((word) => QUANTITY_NOUNS.has(word))) return "quantity";
    return namesOnlyATerm(tokens, oneTerm) ? "definition" : undefined;
  }
  const word = words[first];
  // "What's GSOMIA", "who's Kim You-geun": the question word with its verb.
  const contracted = CONTRACTED_IS.test(tokens[first]?.raw ?? "");
  const adverbs = words.slice(first + 1).findIndex((after) => !WHAT_ADVERBS.has(after));
  const verbAt = first + 1 + Math.max(0, adverbs);
  const next = contracted ? "is" : words[verbAt];
  const subjectEnd = (contracted ? first + 4 : first + 5) + (verbAt - first - 1);
  // "How come Japan…" asks why.
  if (word === "why" || (word === "how" && next === "come")) return "reason";
  if (word === "where") return asksWhereFigurative(words.slice(first + 1)) ? undefined : "place";
  if (word === "when") return "time";
  // "Who are the comfort women", "who is Lee Nak-yon": who they are, as a definition says.
  if (word === "who" && DEFINING_VERBS.has(next ?? "") && words.length <= subjectEnd)
    return "definition";
  if (word === "who" || word === "whom") return "person";
  if (word === "how" && (next === "much" || next === "many")) return "quantity";
  if (word === "how" && next === "long") return "duration";
  if ((word === "what" || word === "which") && next === "year") return "year";
  if (
    (word === "what" || word === "which") &&
    (next === "date" || next === "day" || next === "month")
  )
    return "time";
  if (word === "what" && DEFINING_VERBS.has(next ?? "") && words.length <= subjectEnd)
    return "definition";
  if (
    word === "what" &&
    (words.at(-1) === "mean" || words[first + 2] === "meant" || meansBy(words))
  )
    return "definition";
  if (word === "which") return whichAsks(words.slice(verbAt));
  if (word === "what" && next === "are") return "list";
  return undefined;
}

/**
 * Titles a "which" question names when it asks who: "which official announced it" wants one
 * person, not a list.
 */
const PERSON_TITLES: ReadonlySet<string> = new Set([
  "official",
  "minister",
  "president",
  "secretary",
  "director",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "ambassador",
  "envoy",
  "diplomat",
  "lawmaker",
  "leader",
  "politician",
  "judge",
  "premier",
]);

/**
 * Words that end the noun after "which": "which council does…", "which one was…". The verbs a
 * yes/no question opens with, and "might".
 */
const AUXILIARIES: ReadonlySet<string> = new Set([...YES_NO_OPENINGS, "might"]);
/** The words of the noun after "which" that may be its head: "which semiconductor materials". */
const WHICH_NOUN_WORDS = 3;

/**
 * What "which" asks for by the noun after it: a person for a title ("which US official"), a list
 * for a plural or a count ("which countries", "which semiconductor materials", "which three",
 * "which of them"), and no kind of answer for a single thing ("which council does…", "which
 * treaty"), which any paragraph that names it answers.
 */
function whichAsks(after: readonly string[]): AnswerType | undefined {
  const nounEnd = after.findIndex((word) => AUXILIARIES.has(word));
  const noun = after.slice(0, nounEnd < 0 ? WHICH_NOUN_WORDS : Math.min(nounEnd, WHICH_NOUN_WORDS));
  const [first = ""] = noun;
  const plural = (word: string) => /[^su]s$/u.test(word) || word === "people";
  const count = first !== "one" && SMALL_NUMBER_NAMES.includes(first);
  if (first === "of" || count || noun.some(plural) || !/^\p{L}+$/u.test(first)) return "list";
  if (noun.some((word) => PERSON_TITLES.has(word))) return "person";
  return undefined;
}

/**
 * "Where do things stand", "where did Korea rank", "where is the money coming from", "where is
 * this heading": a state, a rank or a source, not a place a paragraph would name.
 */
const FIGURATIVE_WHERE = new Set([
  "stand",
  "stands",
  "stood",
  "rank",
  "ranks",
  "ranked",
  "coming",
  "come",
  "came",
  "heading",
  "headed",
  "going",
  "lead",
  "leads",
  "leave",
  "leaves",
  "left",
]);
const FIGURATIVE_WHERE_REACH = 8;

function asksWhereFigurative(after: readonly string[]): boolean {
  return after.slice(0, FIGURATIVE_WHERE_REACH).some((word) => FIGURATIVE_WHERE.has(word));
}

/** "What do you mean by X", "what is meant by X": what X is. */
function meansBy(words: readonly string[]): boolean {
  return words.some((word, at) => (word === "mean" || word === "meant") && words[at + 1] === "by");
}

const WRITING_SYSTEM = "(?:hangul|hangeul|hiragana|katakana|kanji|romaji)";
const LANGUAGE = `(?:korean|japanese|${WRITING_SYSTEM})`;
/**
 * A question about the Korean or Japanese language rather than about anything the news says:
 * how to say, write or pronounce a word, what a word means, a translation, the writing systems,
 * learning or speaking it.
 * News paragraphs never answer it, though they share its "Korean" and its everyday words.
 */
const ABOUT_LANGUAGE = new RegExp(
  [
    `\\bhow (?:do|would|can|could|should|to|does one) (?:(?:i|you|u|we|one|people) )?(?:say|write|spell|pronounce|count|read|greet)\\b.*\\bin ${LANGUAGE}\\b`,
    `\\b(?:mean|means|meaning)\\b.*\\bin ${LANGUAGE}\\b`,
    `\\b${LANGUAGE} (?:word|words|phrase|phrases|term|letters?|alphabet|characters?|grammar|pronunciation|greetings?|language|lessons?|classes|courses?|textbooks?|tutors?|slang)\\b`,
    `\\b(?:learn|learning|study|studying|speak|speaking|practi[cs]e|practi[cs]ing|teach|teaching)\\s+(?:to\\s+speak\\s+)?(?:some\\s+)?${LANGUAGE}\\b(?!\\s+(?:history|politics|officials?|government|companies|firms|media|culture|products|brands?|economy))`,
    `\\btranslat\\w*\\b.*\\b(?:into|to|in) (?:${LANGUAGE}|english)\\b`,
    `\\b${WRITING_SYSTEM}\\b`,
  ].join("|"),
  "iu",
);

export function asksAboutLanguage(question: string): boolean {
  return ABOUT_LANGUAGE.test(question);
}

/**
 * A request for instructions or advice in the member's own life: "how do I renew my passport",
 * "how to reverse a list", "what should I pack", "which day trips would you recommend", "any
 * tips?", "trip tips,", "is the rail pass worth it". News paragraphs report what happened; they
 * never say how to do something or what the member should do. Not "how did Japan…" or "how does
 * the pact work", which ask about the news, nor "why it wasn't worth it", which asks a reason.
 */
const INSTRUCTIONS_OR_ADVICE =
  /\bhow (?:do|can|should|could|would|might|shall) (?:i|we)\b|\bhow to\b|\bshould (?:i|we)\b|\b(?:do|would|can|could) you recommend\b|\brecommend (?:me|a|an|some|any)\b|\bany tips\b|\btips (?:for|on)\b|\btips\s*(?:[,?!]|$)|\b(?:is|are)\b(?: [\p{L}']+){0,5} worth it\b/iu;

export function asksForInstructions(question: string): boolean {
  return INSTRUCTIONS_OR_ADVICE.test(question);
}

/** A number written out: "three chemicals", "a two-day visit", "hundreds of stores", "several". */
const NUMBER_WORD =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|millions|billions|several|dozen|once|doubled|tripled|halved)\b/i;

/** A span of years, "1910-45", "1965–2019": it says how many years, though a year alone does not. */
const YEAR_SPAN = /\b\d{4}\s?[-–]\s?\d{2,4}\b/u;

/**
 * Whether a text holds any number that could say how many or how much: in figures or in words,
 * or a span of years ("during Japan's 1910-45 colonial rule": how many years it lasted). Broader
 * than the quantity cue the ranking reads, which number words would make too loose.
 */
export function holdsNumber(text: string): boolean {
  return CUES.quantity.test(text) || NUMBER_WORD.test(text) || YEAR_SPAN.test(text);
}

/**
 * "How much" asking for a sum of money: "how much compensation…", "how much did Nippon Steel have
 * to pay", "how much money did Seoul budget". Not "how much of the market" or "how much did
 * sales drop", which a share or a count answers.
 */
const HOW_MUCH_MONEY =
  /\bhow much\b[^.?!;]*?\b(?:money|cash|compensation|pay|paid|payment|payments|cost|costs|spend|spent|budget|budgeted|fund|funds|funding|price|worth|owe|owed|invest|invested|investment|damages|award|awarded|grant|grants|loan|loans|won|yen|dollars)\b/iu;

export function asksForMoney(question: string): boolean {
  return HOW_MUCH_MONEY.test(question);
}

const CURRENCY = "won|yen|dollars?|euros?|yuan|pounds";
const SCALE = "thousand|million|billion|trillion|bn";
/** A sum of money: "100 million won", "$1.2 billion", "1 billion yen", "300 million US dollars". */
const MONEY_AMOUNT = new RegExp(
  `[$¥₩€£]\\s?\\d|\\b(?:KRW|JPY|USD)\\s?\\d|(?:\\b\\d[\\d,.]*|\\b(?:${SMALL_NUMBER_NAMES.join("|")}|a|hundreds of|thousands of|millions of|billions of))\\s*(?:(?:${SCALE})\\s+)?(?:US\\s+|U\\.S\\.\\s+)?(?:${CURRENCY})\\b`,
  "iu",
);

/** Whether a text holds a sum of money, which "how much money" asks for: a bare number does not say one. */
export function holdsMoneyAmount(text: string): boolean {
  return MONEY_AMOUNT.test(text);
}

/** A day of a month: "2 August 2019", "August 2", "Aug. 2", "22.08.2019", "2019-08-22". */
const CALENDAR_DATE = new RegExp(
  `\\b(\\d{1,2} (${MONTH})|(${MONTH}|${MONTH_SHORT}) ?\\d{1,2}\\b|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
  "i",
);

/**
 * How well a text holds the kind of answer asked for: 1, or 0.5 for a vague time ("last year",
 * "on Thursday") when a calendar date would answer better; 0 when it holds none.
 */
export function answerStrength(type: CuedAnswerType, text: string): number {
  if (type === "person" && SPEAKING_BODY.test(text)) return 1;
  if (!CUES[type].test(text)) return 0;
  return type === "time" && !CALENDAR_DATE.test(text) ? 0.5 : 1;
}

/**
 * A body that speaks or acts for people: "South Korea's presidential office said", "the Supreme
 * Court ordered", "a foundation will pay". News answers "who" with one as often as with a name.
 */
const SPEAKING_BODY =
  /\b([Oo]ffices?|[Mm]inistry|[Mm]inistries|[Dd]epartments?|[Cc]ourts?|[Cc]ouncils?|[Ff]oundations?|[Aa]genc(y|ies)|[Cc]ommittees?|Pentagon)\b/;

/**
 * Whether a text names a person or their title ("Foreign Minister Taro Kono", "the minister"):
 * the answer to "who" that the answer-or-refuse model was fitted on. A body alone ranks a passage
 * up but does not count there, where it made "who won the dispute between Epic Games and Apple"
 * an answer on the seed article.
 */
export function namesAPerson(text: string): boolean {
  return CUES.person.test(text);
}
