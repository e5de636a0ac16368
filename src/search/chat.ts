import { isCommonEnglishWord } from "./english.ts";
import { MONTHS, SMALL_NUMBER_NAMES } from "./intent.ts";

/**
 * How members spell in chat: abbreviations and clipped words, read as the words they stand for
 * before any typo correction, so "wat r the reasons" is "what are the reasons" and never a
 * search for "wat". Only words that are no English word of their own are listed ("us", "won"
 * and "cos" are left alone).
 */
export const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    wat: "what",
    wut: "what",
    wht: "what",
    whta: "what",
    hw: "how",
    y: "why",
    wen: "when",
    whn: "when",
    wher: "where",
    r: "are",
    u: "you",
    ur: "your",
    yr: "year",
    yrs: "years",
    n: "and",
    bc: "because",
    bcuz: "because",
    cuz: "because",
    coz: "because",
    b4: "before",
    w: "with",
    abt: "about",
    bout: "about",
    pls: "please",
    plz: "please",
    rly: "really",
    smth: "something",
    sth: "something",
    smthng: "something",
    tho: "though",
    // Function words as chat spells or slips them: unread, each weighed as the knowledge's rarest.
    teh: "the",
    hte: "the",
    tha: "the",
    da: "the",
    dat: "that",
    dis: "this",
    dem: "them",
    wot: "what",
    nd: "and",
    adn: "and",
    becuz: "because",
    lemme: "let me",
    gimme: "",
    sb: "somebody",
    srsly: "",
    lmk: "",
    jk: "",
    irl: "",
    etc: "",
    ie: "",
    eg: "",
    thru: "through",
    govt: "government",
    gov: "government",
    ppl: "people",
    bein: "being",
    evr: "ever",
    gonna: "going to",
    wanna: "want to",
    gotta: "got to",
    kinda: "",
    dunno: "",
    nah: "",
    ya: "you",
    xmas: "christmas",
    tmrw: "tomorrow",
    yday: "yesterday",
    thx: "thanks",
    ty: "thanks",
    lol: "",
    lmao: "",
    ngl: "",
    tbh: "",
    imo: "",
    imho: "",
    idk: "",
    btw: "",
    fyi: "",
    afaik: "",
    iirc: "",
    omg: "",
    wtf: "",
    // Fillers and reactions around a question: "hmm", "bruh ... fr", "eli5 gsomia".
    hm: "",
    hmm: "",
    hmmm: "",
    um: "",
    umm: "",
    uh: "",
    erm: "",
    bruh: "",
    bro: "",
    dude: "",
    fam: "",
    yo: "",
    ayo: "",
    smh: "",
    fr: "",
    ikr: "",
    lowkey: "",
    eli5: "",
    tldr: "",
    rn: "",
    asap: "",
    tysm: "thanks",
    thnx: "thanks",
    thanx: "thanks",
    tia: "",
    tbf: "",
    ig: "",
    idc: "",
    nvm: "",
    np: "",
    obv: "",
    obvs: "",
    wdym: "what do you mean",
    wdyt: "what do you think",
    tryna: "trying to",
    aswell: "as well",
    aka: "also known as",
    esp: "especially",
    approx: "approximately",
    avg: "average",
    pct: "percent",
    incl: "including",
    num: "number",
    mn: "million",
    bn: "billion",
    bil: "billion",
    usd: "us dollars",
    bucks: "dollars",
    wk: "week",
    wks: "weeks",
    convo: "conversation",
    biz: "business",
    mgmt: "management",
    natl: "national",
    org: "organization",
    mkt: "market",
    prez: "president",
    potus: "us president",
    vp: "vice president",
    fm: "foreign minister",
    fta: "free trade agreement",
    hes: "he's",
    shes: "she's",
    cud: "could",
    shud: "should",
    // "Q: why did…", a question labelled as one.
    q: "",
    ok: "",
    k: "",
    pm: "prime minister",
    intl: "international",
    info: "information",
    dept: "department",
    econ: "economy",
    whats: "what's",
    wats: "what's",
    whys: "why's",
    hows: "how's",
    whos: "who's",
    whens: "when's",
    wheres: "where's",
    hed: "he'd",
    itd: "it'd",
    amb: "ambassador",
    exec: "executive",
    execs: "executives",
    pms: "prime ministers",
    govts: "governments",
    jp: "japan",
    jpn: "japan",
    kr: "korea",
    nk: "north korea",
    // Months as members shorten them ("in nov 2019"); not jan, mar, may, jun: names and words.
    feb: "february",
    apr: "april",
    jul: "july",
    aug: "august",
    sep: "september",
    sept: "september",
    oct: "october",
    nov: "november",
    dec: "december",
  }),
);

/** Korean and Japanese punctuation, after which a "w" is laughter ("…の？w"), not "with". */
const CJK_PUNCTUATION = /^[？！。、]$/u;

/**
 * A whole word: not part of an abbreviation such as "U.S." or of a word with an apostrophe, but
 * for a possessive's ("ppl's", "govt's").
 */
const CHAT_WORD =
  /(?<![\p{L}\p{N}'’.])[\p{L}\p{N}]+(?![\p{L}\p{N}]|['’](?!s(?![\p{L}\p{N}]))|\.[\p{L}])/gu;

/** Clippings written with an apostrophe, which the word rule leaves alone: "gov't", "int'l". */
const CLIPPED_WITH_APOSTROPHE = /(?<![\p{L}\p{N}])\p{L}{2,6}['’]\p{L}(?![\p{L}\p{N}])/gu;
const APOSTROPHE_CLIPPINGS: Readonly<Record<string, string>> = {
  "gov't": "government",
  "govern't": "government",
  "int'l": "international",
  "nat'l": "national",
  "dep't": "department",
  "ass'n": "association",
};

/**
 * "quick question: …", "dumb question but …": a label on the question, as "Q:" is, whose words
 * would otherwise be searched ("question", "quick").
 */
const LABEL_ADJECTIVE =
  "(?:a|one|another|quick|random|dumb|stupid|silly|simple|small|genuine|honest|serious|real|noob)";
const LABEL_ADDRESSEE = "(?:\\s+for\\s+(?:the\\s+)?(?:bot|you|u|everyone|y'?all))?";
const LABEL_BREAK = "(?:[:,;.!–—-]|but\\b|here\\b)";
const QUESTION_LABEL = new RegExp(
  `^\\s*(?:(?:${LABEL_ADJECTIVE}\\s+)+(?:question|q)\\b${LABEL_ADDRESSEE}\\s*${LABEL_BREAK}?|(?:question|q)${LABEL_ADDRESSEE}\\s*${LABEL_BREAK})\\s*`,
  "iu",
);
/**
 * "according to the article", "in this piece", "the report says": the member points at the
 * source, which is the knowledge itself; "according" and "article" would be searched as words.
 */
const THE_SOURCE_SAYS =
  /\b(?:(?:according\s+to|per|in|from)\s+(?:the|this|that|your|ur)\s+(?:articles?|pieces?|story|stories|reports?|texts?|news|sources?)|(?:the|this|that)\s+(?:article|piece|story|report)\s+(?:says?|said|mentions?|mentioned|claims?))\b/giu;
/**
 * What members write around a question, not in it: a greeting to the channel ("hi guys,"),
 * "wait," and "anyway" at either end, "any idea" before the question, a plea for help and what
 * the answer is for ("pls help", "for my homework", "asking for a friend"). "Wait times" and
 * "the budget for the project" are questions, not frames.
 */
const CHAT_FRAME = new RegExp(
  [
    "^\\s*(?:(?:hi|hey|hello|yo|ok|okay)\\s+(?:guys|all|everyone|everybody|folks|y'?all|team|people|bot|dispute-?bot)\\b|(?:guys|everyone|everybody|folks|y'?all)\\s*(?=[,:!]))[,:!.]*",
    "^\\s*(?:wait\\s*[,:.!]+|wait\\s+(?=so\\b)|anyways?\\b[,:.!]*)",
    "\\b(?:anyway|anyways)\\s*(?=[?.!]*\\s*$)",
    "^\\s*any\\s+ideas?\\b",
    "\\b(?:(?:pls|plz|please)\\s+help(?:\\s+me)?|help\\s+(?:pls|plz|please))\\s*(?=[?.!]*\\s*$)",
    "\\(?\\bfor\\s+(?:(?:my|our)\\s+(?:homework|school\\s+project|project|class|essay|assignment|paper|exam|test)|a\\s+(?:school\\s+project|class|essay|assignment))\\b\\)?",
    ",?\\s*\\basking\\s+for\\s+a\\s+friend\\b",
    "^\\s*(?:(?:just|only)\\s+)?(?:curious|wondering|honestly|seriously|genuinely|real\\s+quick|out\\s+of\\s+curiosity)\\b[,:.!]*",
    "(?<=[?.!])\\s*(?:any\\s+)?(?:sources?|links?|refs?|citations?)(?:\\s+(?:pls|plz|please))?\\s*[?.!]*\\s*$",
    ",\\s*(?:right|correct|yes|no|yeah|true)\\s*(?=\\?+\\s*$)",
    "\\s+or\\s+not\\s*(?=\\?+\\s*$)",
  ].join("|"),
  "giu",
);
/**
 * "1. why did…", "2) when…", "(3) who…", "Q4: how many…": the number of a question in a member's
 * list, at the start or after the question before it, is no number the answer must hold. Not a
 * day after a month ("Aug. 2. Japan…").
 */
const LIST_NUMBER =
  /(?<=^|[.?!]\s)(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s)(?:\(?\d{1,2}[.)]|q\d{1,2}[.:)]?)(?:\s+|$)/giu;

/** "@dispute-bot", "@everyone": a handle typed as text, not a word of the question. */
const HANDLE = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.-]+/gu;

/**
 * Markdown around words as chat apps write it: **bold**, *italics*, __underline__, ~~strike~~,
 * ||spoiler||, `code`, and a "> " quote. A word inside stays; an underscore inside a word
 * ("snake_case") too. (Mentions, custom emoji and timestamps are the Discord adapter's to drop.)
 */
const CHAT_MARKDOWN = /\*+|`+|~~|\|\||(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|^\s*>+\s?/gu;

/** "tl;dr", which the word rule would read as "tl" and "dr" (doctor). */
const TLDR = /(?<![\p{L}\p{N}])tl[;,:]\s?dr(?![\p{L}\p{N}])/giu;

/**
 * Chat for "what about X": "what's the deal with X" (no agreement of any kind), and asking how
 * something stands, "what's up with X", "what's going on with X", "what's the latest on X", "any
 * news on X", whose "deal", "up", "going", "news" and "latest" are no words the answer need hold.
 */
const WHAT_ABOUT =
  /(?<![\p{L}\p{N}])(?:what(?:['’]?s| is) (?:the (?:big )?deal (?:with|about)|(?:up|going on|happening|new|the latest|the story|the situation) (?:with|on|about|in))|(?:any|got any) (?:news|updates?) (?:on|about|with))(?![\p{L}\p{N}])/giu;

/**
 * "s korea", "n. korean": South and North Korea by their initial, which the word rule would read
 * as a stray "s" and as "and" (chat's "n"). Not the "s" of a possessive ("Japan's Korea policy"),
 * nor the "n" after another country, which joins the two: "japan n korea" is Japan and Korea.
 */
const KOREA_BY_INITIAL =
  /(?<![\p{L}\p{N}'’])(?<!\b(?:japan|japanese|tokyo|china|chinese|us|usa|america|russia|taiwan)\s+(?=n\s))([sn])\.?\s?(?=korea)/giu;
const KOREA_INITIALS: Readonly<Record<string, string>> = { s: "south ", n: "north " };
/** "sk" for South Korea, as chat writes it; not the SK group's companies ("SK Hynix"). */
const SOUTH_KOREA_BY_INITIALS =
  /(?<![\p{L}\p{N}'’.])sk(?![\p{L}\p{N}]|\.\p{L})(?!\s+(?:hynix|group|telecom|innovation|siltron|materials|chemicals|networks|square|holdings|inc|corp|co)\b)/giu;

/** "Break down X" asks to explain it. */
const BREAK_DOWN = /(?<![\p{L}\p{N}])break (?:it )?down(?![\p{L}\p{N}])/giu;

/** "w/o", which the word rule would read as "w" (with) and "o". */
const WITHOUT = /(?<![\p{L}\p{N}])w\/o(?![\p{L}\p{N}])/giu;
/** "The 2 bn won", "the 3 million visitors": an amount, which news writes in figures too. */
const AMOUNT_WORDS =
  "hundred thousand million billion trillion mn bn percent per won yen dollars usd".split(" ");
/**
 * A count typed as a digit after "the", "these", "both", "which"…: "the 2 countries", "which 3
 * chemicals", which news writes "the two countries", "three chemicals". Not a name's number
 * ("Switch 2", "Phase 3"), a day ("the 2 of August") or an amount ("the 2 billion won").
 */
const COUNT_AS_DIGIT = new RegExp(
  `(?<=\\b(?:the|these|those|all|both|other|their|its|which|what)\\s+)([2-9])(?=\\s+(?!(?:of|${[...MONTHS, ...AMOUNT_WORDS].join("|")})\\b)\\p{L})`,
  "giu",
);

/** "b/c", which the word rule would read as two letters the knowledge lacks. */
const BECAUSE = /(?<![\p{L}\p{N}])b\/c(?![\p{L}\p{N}])/giu;

/**
 * "2" and "4" typed for "to" and "for": after a word, before a word that no count is put in front
 * of ("what happened 2 the deal", "come 2 korea", "any hope 4 them"). Not where the digit is a
 * number: after a word that counts or numbers ("the 2", "phase 2", "at 2"), after a month
 * ("aug 2 the cabinet"), before an abbreviation ("2 U.S. allies", "2 a.m.") or a word off the
 * list ("2 envoys").
 */
const NUMBER_FOR_WORD =
  /(?<=(\p{L}+)[’']?\s+)([24])(?=\s+(?:the|a|an|this|that|these|those|me|them|him|her|it|you|u|ur|my|our|their|his|its|korea|japan|seoul|tokyo|china|washington|moon|abe)(?![\p{L}\p{N}]|\.\p{L}))/giu;
const NUMBER_WORDS: Readonly<Record<string, string>> = { "2": "to", "4": "for" };
/** A month as members type it before a day: "august", "aug", and "sept". */
const MONTH_FORMS: readonly string[] = [
  ...MONTHS.flatMap((month) => [month.toLowerCase(), month.slice(0, 3).toLowerCase()]),
  "sept",
];
/** Words after which a 2 or a 4 is a count, a place in a series, a time, a day or a score. */
const COUNTS_AFTER = new Set([
  ..."the a these those its their his her my our your top first last only at about around by page part phase round article chapter day week game number level score".split(
    " ",
  ),
  ...MONTH_FORMS,
]);

const MONTH_NAMES = MONTH_FORMS.join("|");
/**
 * A place in a series typed in digits, "the 1st hearing", "his 2nd term", which news writes in
 * words. Not a day of a month: "Aug 2nd", "the 2nd of August".
 */
const ORDINAL_DIGITS = new RegExp(
  `(?<!\\b(?:${MONTH_NAMES})\\.?\\s+)(?<![\\p{L}\\p{N}])(1st|2nd|3rd|[4-9]th|10th)(?![\\p{L}\\p{N}])(?!\\s+of\\s+(?:${MONTH_NAMES})\\b)`,
  "giu",
);
const ORDINAL_WORDS: Readonly<Record<string, string>> = {
  "1st": "first",
  "2nd": "second",
  "3rd": "third",
  "4th": "fourth",
  "5th": "fifth",
  "6th": "sixth",
  "7th": "seventh",
  "8th": "eighth",
  "9th": "ninth",
  "10th": "tenth",
};

/** A year written short: "in july '19", "the '65 treaty" (not a decade: "the '90s"). */
const SHORT_YEAR = /(?<![\p{L}\p{N}])['’‘](\d{2})(?![\p{L}\p{N}])/gu;
/** Short years up to this one are of this century: "'19" is 2019, "'65" is 1965. */
const LAST_SHORT_YEAR_OF_CENTURY = 40;

/** "Lin" is a name more often than "ling" with its g dropped. */
const MIN_DROPPED_G_LENGTH = 4;

/**
 * The question with its chat spellings written out ("hw r u" → "how are you"), and a dropped
 * final g put back where that makes a word of English and the word as typed is none ("goin",
 * "sayin", "nothin"; not "begin", "coin").
 */
export function expandChatSpellings(text: string): string {
  return text
    .replace(CHAT_MARKDOWN, "")
    .replace(/\s{2,}/gu, " ")
    .replace(LIST_NUMBER, "")
    .replace(WHAT_ABOUT, "what about")
    .replace(BREAK_DOWN, "explain")
    .replace(WITHOUT, "without")
    .replace(BECAUSE, "because")
    .replace(COUNT_AS_DIGIT, (digit: string) => SMALL_NUMBER_NAMES[Number(digit)] ?? digit)
    .replace(SOUTH_KOREA_BY_INITIALS, "south korea")
    .replace(
      KOREA_BY_INITIAL,
      (_initial: string, letter: string) => KOREA_INITIALS[letter.toLowerCase()] ?? "",
    )
    .replace(TLDR, "")
    .replace(QUESTION_LABEL, "")
    .replace(THE_SOURCE_SAYS, "")
    .replace(CHAT_FRAME, "")
    .replace(HANDLE, "")
    .replace(
      CLIPPED_WITH_APOSTROPHE,
      (clipped: string) => APOSTROPHE_CLIPPINGS[clipped.toLowerCase().replace("’", "'")] ?? clipped,
    )
    .replace(
      SHORT_YEAR,
      (_year: string, digits: string) =>
        `${Number(digits) <= LAST_SHORT_YEAR_OF_CENTURY ? "20" : "19"}${digits}`,
    )
    .replace(ORDINAL_DIGITS, (ordinal: string) => ORDINAL_WORDS[ordinal.toLowerCase()] ?? ordinal)
    .replace(NUMBER_FOR_WORD, (digit: string, before: string) =>
      COUNTS_AFTER.has(before.toLowerCase()) ? digit : (NUMBER_WORDS[digit] ?? digit),
    )
    .replace(CHAT_WORD, (word: string, offset: number, whole: string) => {
      // A letter with a full stop is an initial ("N. Ireland", "R. Lee"), not chat's "n" or "r",
      // and one with an apostrophe is a letter ("the r's"); one joined by a hyphen is part of a
      // word ("U-turn", "K-drama"); one right after Japanese punctuation is its laughter ("…の？w").
      if (word.length === 1) {
        const before = whole[offset - 1] ?? "";
        const after = whole[offset + 1] ?? "";
        if (/^[.'’-]$/u.test(after) || before === "-" || CJK_PUNCTUATION.test(before)) return word;
      }
      const lower = word.toLowerCase();
      const expanded = CHAT_SPELLINGS.get(lower);
      if (expanded !== undefined) return expanded;
      if (
        lower.length >= MIN_DROPPED_G_LENGTH &&
        lower.endsWith("in") &&
        !isCommonEnglishWord(lower) &&
        isCommonEnglishWord(`${lower}g`)
      )
        return `${word}g`;
      return word;
    });
}
