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
const MAX_WORD_LENGTH = 40;

export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .toLowerCase();
}

export function normalizeWord(word: string): string {
  return normalizeText(word).replace(/’/g, "'").replace(/'s$/, "").replace(/'$/, "");
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

/** A final double consonant other than l, s or z, which Porter undoubles only after a suffix. */
const FINAL_DOUBLE = /([b-df-hj-kmnp-rtv-y])\1$/;

export function stemWord(norm: string): string {
  if (!LATIN_WORD.test(norm) || norm.length <= 2) return IRREGULAR.get(norm) ?? norm;
  // "boycotting" stems to "boycot" but "boycott" to itself: undouble both alike.
  return stemmer(IRREGULAR.get(norm) ?? norm).replace(FINAL_DOUBLE, "$1");
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
  slot: { owner: object; term: number; word: number } | undefined;
}

function createForms(raw: string): WordForms {
  const norm = normalizeWord(raw).slice(0, MAX_WORD_LENGTH);
  return {
    raw,
    norm,
    stem: stemWord(norm),
    stop: STOP_WORDS.has(norm),
    cjk: containsCjk(norm),
    slot: undefined,
  };
}

/** Words repeat endlessly across a corpus; normalising and stemming each once pays for itself. */
const formsTable = new WordTable<WordForms>(createForms);

/** "won" after an amount is Korea's currency ("100 million won"), not the past of "win". */
const CURRENCY_WON: WordForms = { ...createForms("won"), stem: "won" };
const AMOUNT = /^(\d[\d,.]*|hundred|thousand|million|billion|trillion)$/;

function inContext(forms: WordForms, previous: WordForms | undefined): WordForms {
  return forms.norm === "won" && previous && AMOUNT.test(previous.norm) ? CURRENCY_WON : forms;
}

/** Splits a text into words, keeping each word's place in the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end) => {
    const forms = inContext(formsTable.lookup(text, start, end), tokens.at(-1)?.forms);
    if (forms.norm === "") return;
    tokens.push({
      raw: forms.raw,
      norm: forms.norm,
      stem: forms.stem,
      stop: forms.stop,
      cjk: forms.cjk,
      forms,
      start,
      end,
    });
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
  });
  return words;
}
