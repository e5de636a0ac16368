import { positionsInHits } from "./analyze.ts";
import type { SearchIndex } from "./build.ts";
import { type CountryName, countryNamesByFirstWord } from "./countries.ts";
import { isCommonEnglishWord } from "./english.ts";
import type { ConceptHit } from "./glossary.ts";
import { CALENDAR_WORDS } from "./intent.ts";
import { questionSentences, asks as sentenceAsks } from "./parts.ts";
import { remembered } from "./remembered.ts";
import { STOP_WORDS } from "./stopwords.ts";
import { containsCjk, type Token, tokenize } from "./text.ts";

/**
 * What a question asks about that no source mentions: a name ("What did Mike Pompeo say…?") or a
 * year ("What happened in 2023?"). Whatever else a paragraph matches, it cannot say what someone
 * it never names did, nor what happened in a year its articles never reach, so the engine refuses
 * and says which (answer.ts).
 */

/** A name written in capitals: "NSC", "METI", "KOSPI". */
const ACRONYM = /^\p{Lu}{2,8}$/u;
/** Small words a spelled-out name holds between its capitalised ones: "Ministry of Economy, Trade and Industry". */
const NAME_JOINERS = "of|and|for|the|on|in";
/** A name as typed, without markup: "Mike Pompeo", "Park Geun-hye", "O'Brien". */
const PLAIN_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'’-]*$/u;
/** A year as news writes it. */
const YEAR = /^(?:19|20)\d\d$/u;
const YEARS_IN_TEXT = /\b(?:19|20)\d\d\b/gu;
/** A year news gives by the article's date: the year before and the year after it. */
const LAST_YEAR = /\blast year\b/iu;
const NEXT_YEAR = /\bnext year\b/iu;
/** Members type few acronyms; each costs a pass over the passages, so answers are kept. */
const ACRONYM_CACHE_SIZE = 1000;

/**
 * The names and years the question's sentences that ask hold and no source mentions.
 *
 * A name is a capitalised word after the first, outside a glossary term the passages use, that
 * is no common English or calendar word, shown with the capitalised words beside it ("Mike
 * Pompeo"); a corrected typo of a name the knowledge has is that name, and known. Only capitals
 * mark a name, since in lower case a word the knowledge lacks is as often a slip ("kim yoo geun")
 * as someone else; but a member who types "mike pompeo" or "takeshima" names what the glossary
 * knows by a capitalised name. A name the knowledge has in an outlet's name or a title ("Does DW
 * say…") or spells out ("NSC", the National Security Council) is known.
 *
 * A year is known when a passage writes it, an article was published in it, or a passage says
 * "last year" or "next year" of it.
 */
export function unmentionedInQuestion(
  index: SearchIndex,
  text: string,
  tokens: readonly Token[],
  inHit: ReadonlySet<number>,
  unusedHits: readonly ConceptHit[],
): string[] {
  // Most questions name nothing unknown: the sentences are read only for one that might.
  let asking: [number, number][] | undefined;
  const asks = (token: Token) => {
    asking ??= askingSpans(text);
    return asking.some(([start, end]) => token.start >= start && token.end <= end);
  };
  // A year or a country's name is no slip, and a search box's few words are what it asks.
  let searchBox: boolean | undefined;
  const asksYearOrCountry = (token: Token) => {
    searchBox ??= typedAsSearch(tokens);
    return searchBox || asks(token);
  };
  const inUnusedName = capitalisedTermPositions(index, unusedHits);
  const capitalised = (position: number) => {
    const token = tokens[position];
    return (
      token !== undefined &&
      position > 0 &&
      /^\p{Lu}/u.test(token.raw) &&
      !STOP_WORDS.has(token.raw.toLowerCase())
    );
  };
  const found: string[] = [];
  let coveredTo = -1;
  tokens.forEach((token, position) => {
    if (position <= coveredTo || inHit.has(position)) return;
    if (YEAR.test(token.raw)) {
      if (
        !yearsOf(index).has(token.raw) &&
        asksYearOrCountry(token) &&
        !found.includes(token.raw)
      ) {
        found.push(token.raw);
      }
      return;
    }
    const country = unknownCountryAt(index, tokens, position);
    if (country !== undefined && asksYearOrCountry(token)) {
      coveredTo = position + country.words.length - 1;
      if (!found.includes(country.shown)) found.push(country.shown);
      return;
    }
    const unknownName =
      (capitalised(position) || inUnusedName.has(position)) &&
      !token.stop &&
      !containsCjk(token.raw) &&
      !index.postings.has(token.stem) &&
      !isCommonEnglishWord(token.norm) &&
      !CALENDAR_WORDS.has(token.norm) &&
      !namedByDocuments(index).has(token.stem) &&
      asks(token) &&
      !(ACRONYM.test(token.raw) && spelledOutInPassages(index, token.raw));
    if (!unknownName) return;
    let first = position;
    while (capitalised(first - 1)) first--;
    let last = position;
    while (capitalised(last + 1)) last++;
    coveredTo = last;
    // Shown back to the member: only letters, digits and the marks inside a name, no markup.
    const typed = text.slice(tokens[first]?.start, tokens[last]?.end);
    const name = PLAIN_NAME.test(typed)
      ? typed
      : tokens
          .slice(first, last + 1)
          .map((word) => word.raw)
          .join(" ");
    if (!found.includes(name)) found.push(name);
  });
  return found;
}

/**
 * The country whose name starts at a position, when no source mentions it ("canada", "new
 * zealand"): typed in lower case it is still a name, which no slip of typing makes.
 */
function unknownCountryAt(
  index: SearchIndex,
  tokens: readonly Token[],
  position: number,
): CountryName | undefined {
  const names = countryNamesByFirstWord().get(tokens[position]?.norm ?? "");
  const name = names?.find(({ words }) =>
    words.every((word, offset) => tokens[position + offset]?.norm === word),
  );
  if (!name) return undefined;
  const stems = tokens.slice(position, position + name.words.length).map((token) => token.stem);
  const known = stems.every(
    (stem) => index.postings.has(stem) || namedByDocuments(index).has(stem),
  );
  return known ? undefined : name;
}

/** A message typed as into a search box has at most this many words. */
const MAX_SEARCH_BOX_WORDS = 8;

/**
 * Whether a message is typed as into a search box ("2023 white list restored"): a few words, no
 * sentence, no small word of a sentence ("the", "they", "in"). Its years and countries are what
 * it asks; its other words, in lower case, may be slips ("moon abe talk bangkok", where an
 * article writes "Bangok").
 */
function typedAsSearch(tokens: readonly Token[]): boolean {
  return (
    tokens.length > 1 &&
    tokens.length <= MAX_SEARCH_BOX_WORDS &&
    tokens.every((token) => !token.stop && !containsCjk(token.raw))
  );
}

/** [start, end) of the sentences that ask something; context around them asks nothing. */
function askingSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const sentence of questionSentences(text)) {
    const start = text.indexOf(sentence, from);
    if (start < 0) continue;
    from = start + sentence.length;
    if (sentenceAsks(sentence)) spans.push([start, from]);
  }
  return spans;
}

/** Where the question types a glossary term with a capitalised name that no passage uses. */
function capitalisedTermPositions(index: SearchIndex, unused: readonly ConceptHit[]): Set<number> {
  return positionsInHits(
    unused.filter((hit) => /^\p{Lu}/u.test(index.glossary.labels[hit.concept] ?? "")),
  );
}

const documentNames = new WeakMap<SearchIndex, ReadonlySet<string>>();

/**
 * The stems of the outlets' names, the titles and the places of the datelines: "DW", "Yonhap" and
 * "Chengdu" of "CHENGDU, China, Dec. 24 (Yonhap) --" are known to the knowledge. The titles' are
 * the index's own (`titleKeys`); the outlets and datelines are not indexed.
 */
function namedByDocuments(index: SearchIndex): ReadonlySet<string> {
  let stems = documentNames.get(index);
  if (!stems) {
    const found = new Set<string>();
    for (const keys of index.titleKeys.values()) for (const key of keys) found.add(key);
    for (const document of index.knowledge.documents) {
      for (const token of tokenize(`${document.source} ${document.dateline ?? ""}`)) {
        found.add(token.stem);
      }
    }
    stems = found;
    documentNames.set(index, stems);
  }
  return stems;
}

const knownYears = new WeakMap<SearchIndex, ReadonlySet<string>>();

/** The years the knowledge reaches: written in a passage, published in, or a year from one. */
function yearsOf(index: SearchIndex): ReadonlySet<string> {
  let years = knownYears.get(index);
  if (!years) {
    const found = new Set<string>();
    const published = new Map<string, number>();
    for (const document of index.knowledge.documents) {
      const year = Number(document.published.slice(0, 4));
      if (Number.isInteger(year) && year > 0) {
        published.set(document.id, year);
        found.add(String(year));
      }
    }
    for (const passage of index.knowledge.passages) {
      for (const match of passage.text.matchAll(YEARS_IN_TEXT)) found.add(match[0]);
      const year = published.get(passage.documentId);
      if (year === undefined) continue;
      if (LAST_YEAR.test(passage.text)) found.add(String(year - 1));
      if (NEXT_YEAR.test(passage.text)) found.add(String(year + 1));
    }
    years = found;
    knownYears.set(index, years);
  }
  return years;
}

const spelledOut = new WeakMap<SearchIndex, Map<string, boolean>>();

/**
 * Whether some passage spells an acronym out: "NSC" in "the National Security Council", "GSOMIA"
 * in "General Security of Military Information Agreement". Asked once per acronym and index.
 */
function spelledOutInPassages(index: SearchIndex, acronym: string): boolean {
  let known = spelledOut.get(index);
  if (!known) {
    known = new Map();
    spelledOut.set(index, known);
  }
  return remembered(known, acronym, ACRONYM_CACHE_SIZE, () => spelledOutAnywhere(index, acronym));
}

function spelledOutAnywhere(index: SearchIndex, acronym: string): boolean {
  const letters = [...acronym].map(
    (letter) => `(?:${letter}[\\p{L}'’-]*|${letter.toLowerCase()}(?:${NAME_JOINERS}))`,
  );
  const pattern = new RegExp(
    `\\b${letters.join(`[\\s,]+(?:(?:${NAME_JOINERS})[\\s,]+)*`)}\\b`,
    "u",
  );
  return index.knowledge.passages.some((passage) => pattern.test(passage.text));
}
