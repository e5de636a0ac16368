import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stopwords.ts";
import { scanWords, WordTable } from "./words.ts";

/** A word of a text, with where it stands in that text. */
export interface Token extends Word {
  readonly start: number;
  readonly end: number;
  /** The cached forms of `raw`, shared by every occurrence of the same written word. */
  readonly forms: WordForms;
}

/** A word without its place: what matching needs. */
export interface Word {
  /** The word as written. */
  readonly raw: string;
  /** NFKC, lowercase, straight apostrophes, no possessive 's. */
  readonly norm: string;
  /** What the index stores: the Porter stem for Latin words, the normalised word otherwise. */
  readonly stem: string;
  readonly stop: boolean;
  /** The word holds Han, Hangul or Kana, so glossary terms are looked for inside it. */
  readonly cjk: boolean;
}

const LATIN_WORD = /^[a-z0-9'\u00c0-\u024f]+$/;
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
export const MAX_WORD_LENGTH = 40;

export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .toLowerCase();
}

/** "why'd", "who'll", "what're": the question word, which still says what is asked. */
const QUESTION_WORD_CONTRACTION = /^(who|what|when|where|why|how)'(?:d|ll|re|ve)$/;

export function normalizeWord(word: string): string {
  return normalizeText(word)
    .replace(/’/g, "'")
    .replace(/'s$/, "")
    .replace(/'$/, "")
    .replace(QUESTION_WORD_CONTRACTION, "$1");
}

/** Irregular English forms that suffix stripping cannot reach: "taken" and "took" are "take". */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  Object.entries({
    take: "took taken",
    give: "gave given",
    say: "said",
    make: "made",
    go: "went gone",
    come: "came",
    begin: "began begun",
    break: "broke broken",
    bring: "brought",
    buy: "bought",
    choose: "chose chosen",
    do: "did done",
    fall: "fell fallen",
    find: "found",
    get: "got gotten",
    hold: "held",
    keep: "kept",
    know: "knew known",
    lead: "led",
    leave: "left",
    lose: "lost",
    meet: "met",
    pay: "paid",
    put: "put",
    rise: "rose risen",
    see: "saw seen",
    sell: "sold",
    send: "sent",
    seek: "sought",
    set: "set",
    speak: "spoke spoken",
    spend: "spent",
    stand: "stood",
    strike: "struck stricken",
    tell: "told",
    think: "thought",
    win: "won",
    write: "wrote written",
  }).flatMap(([base, forms]) => forms.split(" ").map((form) => [form, base] as const)),
);

/**
 * Words whose Porter stem is an unrelated word's: "statue" and "status" are both "statu",
 * "important" and "imports" both "import", "several" and "severed" both "sever". Each keeps a
 * stem of its own, one no unrelated word of SCOWL's lists stems to ("communism" joins
 * "communist"), so a question about a statue does not find a paragraph on export status.
 */
const OWN_STEMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    statue: "statue statues",
    news: "news",
    several: "several",
    severe: "severe severely severity",
    customer: "customer customers",
    international: "international internationally internationals",
    internal: "internal internally internals",
    general: "general generally generals",
    generation: "generation generations generational",
    generous: "generous generously",
    community: "community communities",
    communist: "communism",
    experience: "experience experiences experienced experiencing",
    authority: "authority authorities",
    department: "department departments",
    executive: "executive executives",
    university: "university universities",
    important: "important importance importantly",
    liberal: "liberal liberals liberalism liberalization liberalisation liberalize liberalise",
    emergency: "emergency emergencies",
    representative: "representative representatives",
    ironic: "ironic ironically",
    quite: "quite",
    apartment: "apartment apartments",
    destroyer: "destroyer destroyers",
    polite: "polite politely politeness",
    mobile: "mobile mobiles",
  }).flatMap(([stem, forms]) => forms.split(" ").map((form) => [form, stem] as const)),
);

/** A final double consonant other than l, s or z, which Porter undoubles only after a suffix. */
const FINAL_DOUBLE = /([b-df-hj-kmnp-rtv-y])\1$/;

export function stemWord(norm: string): string {
  const own = OWN_STEMS.get(norm);
  if (own) return own;
  if (!LATIN_WORD.test(norm) || norm.length <= 2) return IRREGULAR.get(norm) ?? norm;
  // "boycotting" stems to "boycot" but "boycott" to itself: undouble both alike.
  return stemmer(IRREGULAR.get(norm) ?? norm).replace(FINAL_DOUBLE, "$1");
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** How many words a text has: runs between spaces that hold a letter or a digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => LETTER_OR_DIGIT.test(word)).length;
}

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}

/** The forms of one written word, computed once and shared by all its occurrences. */
export interface WordForms extends Word {
  /**
   * Scratch for one index build at a time (`owner`): the ids it gave this word, so a build looks a
   * word up once however often it occurs.
   */
  slot: { owner: object; term: number; word: number; parts: readonly number[] } | undefined;
}

function createForms(raw: string): WordForms {
  const norm = normalizeWord(raw).slice(0, MAX_WORD_LENGTH);
  const cjk = containsCjk(norm);
  return {
    raw,
    norm,
    stem: stemWord(norm),
    // Korean and Japanese write a phrase without spaces: its character pairs are what is searched
    // (see `cjkPairs`); the run itself is kept for the glossary to find its terms in.
    stop: STOP_WORDS.has(norm) || (cjk && [...norm].length > 2),
    cjk,
    slot: undefined,
  };
}

/** One pair of characters of a Korean or Japanese run: a searchable unit, not a glossary text. */
function createPairForms(raw: string): WordForms {
  const norm = normalizeText(raw);
  return { raw, norm, stem: norm, stop: false, cjk: false, slot: undefined };
}

/** Words repeat endlessly across a corpus; normalising and stemming each once pays for itself. */
const formsTable = new WordTable<WordForms>(createForms);
const pairTable = new WordTable<WordForms>(createPairForms);

/** Calls `found` with the [start, end) of each pair of adjacent characters of a run. */
function cjkPairs(text: string, start: number, end: number, found: (s: number, e: number) => void) {
  const characters: number[] = [];
  for (let at = start; at < end; ) {
    characters.push(at);
    at += (text.codePointAt(at) as number) > 0xffff ? 2 : 1;
  }
  characters.push(end);
  for (let i = 0; i + 2 < characters.length; i++) {
    found(characters[i] as number, characters[i + 2] as number);
  }
}

/** "won" after an amount is Korea's currency ("100 million won"), not the past of "win". */
const CURRENCY_WON: WordForms = { ...createForms("won"), stem: "won" };
const AMOUNT = /^(\d[\d,.]*|hundred|thousand|million|billion|trillion)$/;

function inContext(forms: WordForms, previous: WordForms | undefined): WordForms {
  return forms.norm === "won" && previous && AMOUNT.test(previous.norm) ? CURRENCY_WON : forms;
}

function placed(forms: WordForms, start: number, end: number): Token {
  const { raw, norm, stem, stop, cjk } = forms;
  return { raw, norm, stem, stop, cjk, forms, start, end };
}

/** Splits a text into words, keeping each word's place in the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end) => {
    const forms = inContext(formsTable.lookup(text, start, end), tokens.at(-1)?.forms);
    if (forms.norm === "") return;
    tokens.push(placed(forms, start, end));
    if (forms.cjk && forms.stop) {
      cjkPairs(text, start, end, (s, e) => tokens.push(placed(pairTable.lookup(text, s, e), s, e)));
    }
  });
  return tokens;
}

/** The words of a text for indexing: the shared forms only, no places, no new objects. */
export function wordsOf(text: string): WordForms[] {
  const words: WordForms[] = [];
  let previous: WordForms | undefined;
  scanWords(text, (start, end) => {
    const forms = inContext(formsTable.lookup(text, start, end), previous);
    if (forms.norm === "") return;
    words.push(forms);
    previous = forms;
    if (forms.cjk && forms.stop) {
      cjkPairs(text, start, end, (s, e) => words.push(pairTable.lookup(text, s, e)));
    }
  });
  return words;
}
