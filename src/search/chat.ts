import { isCommonEnglishWord } from "./english.ts";

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
    ok: "",
    k: "",
    pm: "prime minister",
    intl: "international",
    info: "information",
    dept: "department",
    econ: "economy",
    jp: "japan",
    jpn: "japan",
    kr: "korea",
    nk: "north korea",
  }),
);

/** A whole word: not part of an abbreviation such as "U.S." or of a word with an apostrophe. */
const CHAT_WORD = /(?<![\p{L}\p{N}'’.])[\p{L}\p{N}]+(?![\p{L}\p{N}'’]|\.[\p{L}])/gu;

/** "w/o", which the word rule would read as "w" (with) and "o". */
const WITHOUT = /(?<![\p{L}\p{N}])w\/o(?![\p{L}\p{N}])/giu;

/**
 * "2" and "4" typed for "to" and "for": after a word, before a word that no count is put in front
 * of ("what happened 2 the deal", "talk 2 korea", "any hope 4 them"); never after a month, where
 * it is a day ("on aug 2 the cabinet…"), nor before a plural ("2 koreas", "2 firms").
 */
const NUMBER_FOR_WORD =
  /(?<=\p{L}[’']?\s+)([24])(?=\s+(?:the|a|an|this|that|these|those|me|them|him|her|it|you|u|ur|my|our|their|his|its|korea|japan|seoul|tokyo|china|washington|moon|abe)(?![\p{L}\p{N}]))/giu;
const NUMBER_WORDS: Readonly<Record<string, string>> = { "2": "to", "4": "for" };
const DAY_AFTER =
  /(?<!\p{L})(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$/iu;

/** "Lin" is a name more often than "ling" with its g dropped. */
const MIN_DROPPED_G_LENGTH = 4;

/**
 * The question with its chat spellings written out ("hw r u" → "how are you"), and a dropped
 * final g put back where that makes a word of English and the word as typed is none ("goin",
 * "sayin", "nothin"; not "begin", "coin").
 */
export function expandChatSpellings(text: string): string {
  return text
    .replace(WITHOUT, "without")
    .replace(NUMBER_FOR_WORD, (digit: string, _group: string, offset: number, whole: string) =>
      DAY_AFTER.test(whole.slice(0, offset)) ? digit : (NUMBER_WORDS[digit] ?? digit),
    )
    .replace(CHAT_WORD, (word) => {
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
