import { isCommonEnglishWord } from "./english.ts";
import { tokenize } from "./text.ts";

/** A country's name: its words in lower case, as matched, and as shown back to the member. */
export interface CountryName {
  readonly words: readonly string[];
  readonly shown: string;
}

/** Short forms members type for a few countries, which the region names do not give. */
const SHORT_FORMS = ["UK", "USA", "UAE"];

/** Region names that are no country a member would name: "Hong Kong SAR China", "St. Kitts & Nevis". */
const NOT_A_PLAIN_NAME =
  /[&().]|\bSAR\b|\b(?:Outlying|Islands?|Territory|Territories|Zone|Pseudo|Unknown)\b|[-‑]/u;

let byFirstWord: ReadonlyMap<string, readonly CountryName[]> | undefined;

/**
 * The countries of the world by their English names ("Canada", "New Zealand"), from the
 * runtime's own ICU data (every two-letter region code it names, which brings in the European
 * Union and the United Nations too), with "UK", "USA" and "UAE",
 * grouped by their first word in lower case. A single-word name that is a common English word
 * ("Turkey", "China") is left out: in lower case it is as often the word.
 */
export function countryNamesByFirstWord(): ReadonlyMap<string, readonly CountryName[]> {
  if (byFirstWord) return byFirstWord;
  const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const found = new Map<string, CountryName>();
  const add = (shown: string) => {
    const words = tokenize(shown).map((token) => token.norm);
    if (words.length === 1 && isCommonEnglishWord(words[0] ?? "")) return;
    found.set(words.join(" "), { words, shown });
  };
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const name = regions.of(String.fromCharCode(first, second));
      if (name && !NOT_A_PLAIN_NAME.test(name)) add(name);
    }
  }
  for (const short of SHORT_FORMS) add(short);
  const grouped = new Map<string, CountryName[]>();
  for (const name of found.values()) {
    const first = name.words[0] ?? "";
    grouped.set(first, [...(grouped.get(first) ?? []), name]);
  }
  byFirstWord = grouped;
  return grouped;
}
