import type { KnowledgeBase, Topic } from "../knowledge/types.ts";
import { analyze, conceptKey, coreKeys } from "./analyze.ts";
import { Vocabulary } from "./fuzzy.ts";
import { GlossaryMatcher } from "./glossary.ts";
import { QUESTION_WORDS } from "./stopwords.ts";
import { stemWord, tokenize } from "./text.ts";

export interface Postings {
  readonly passages: Int32Array;
  readonly counts: Uint16Array;
}

export interface TopicTerms {
  readonly topic: Topic;
  /** Every term of the topic's question and description. */
  readonly keys: ReadonlySet<string>;
  /** The terms the topic is about (see `coreKeys`). */
  readonly coreKeys: ReadonlySet<string>;
  readonly questionWords: ReadonlySet<string>;
}

/** What is computed once per KnowledgeBase, so a question touches only the passages that share its terms. */
export interface SearchIndex {
  readonly knowledge: KnowledgeBase;
  readonly glossary: GlossaryMatcher;
  readonly vocabulary: Vocabulary;
  readonly postings: ReadonlyMap<string, Postings>;
  /** Content terms per passage, for length normalisation. */
  readonly lengths: Uint16Array;
  readonly averageLength: number;
  /** Terms of each document's title and tags, by document id. */
  readonly documentKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /** Terms of the heading each passage sits under, by passage index (none when no heading). */
  readonly headingKeys: readonly (ReadonlySet<string> | undefined)[];
  /** Every word stem the knowledge knows, from passages, titles, tags and the glossary. */
  readonly knownStems: ReadonlySet<string>;
  readonly topics: readonly TopicTerms[];
}

export function buildIndex(knowledge: KnowledgeBase): SearchIndex {
  const glossary = new GlossaryMatcher(knowledge.glossary);
  const words = new Map<string, number>();
  const addWord = (word: string) => words.set(word, (words.get(word) ?? 0) + 1);
  for (const word of glossary.words) addWord(word);
  const headingKeys: (ReadonlySet<string> | undefined)[] = [];
  const headingCache = new Map<string, ReadonlySet<string>>();
  const lists = new Map<string, { passages: number[]; counts: number[] }>();
  const lengths = new Uint16Array(knowledge.passages.length);
  let totalLength = 0;

  const counts = new Map<string, number>();
  for (const passage of knowledge.passages) {
    const tokens = tokenize(passage.text);
    counts.clear();
    let length = 0;
    for (const token of tokens) {
      if (token.stop) continue;
      addWord(token.norm);
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
      length++;
    }
    for (const hit of glossary.find(tokens)) {
      const key = conceptKey(hit.concept);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      length++;
    }
    if (passage.heading) {
      let keys = headingCache.get(passage.heading);
      if (!keys) {
        const headingAnalysis = analyze(passage.heading, glossary);
        for (const token of headingAnalysis.tokens) if (!token.stop) addWord(token.norm);
        keys = new Set(headingAnalysis.occurrences.map((occurrence) => occurrence.key));
        headingCache.set(passage.heading, keys);
      }
      headingKeys[passage.index] = keys;
    }
    for (const [key, count] of counts) {
      let list = lists.get(key);
      if (!list) {
        list = { passages: [], counts: [] };
        lists.set(key, list);
      }
      list.passages.push(passage.index);
      list.counts.push(Math.min(count, 0xffff));
    }
    lengths[passage.index] = Math.min(length, 0xffff);
    totalLength += Math.min(length, 0xffff);
  }

  const postings = new Map<string, Postings>();
  for (const [key, list] of lists) {
    postings.set(key, {
      passages: Int32Array.from(list.passages),
      counts: Uint16Array.from(list.counts),
    });
  }

  const documentKeys = new Map<string, ReadonlySet<string>>();
  for (const document of knowledge.documents) {
    const analysis = analyze([document.title, ...document.tags].join(" . "), glossary);
    for (const token of analysis.tokens) if (!token.stop) addWord(token.norm);
    documentKeys.set(
      document.id,
      new Set(analysis.occurrences.map((occurrence) => occurrence.key)),
    );
  }

  const topics = knowledge.topics.map((topic) => {
    const text = `${topic.question} . ${topic.description}`;
    const analysis = analyze(text, glossary);
    return {
      topic,
      keys: new Set(analysis.occurrences.map((occurrence) => occurrence.key)),
      coreKeys: coreKeys(analysis),
      questionWords: new Set(
        tokenize(topic.question)
          .filter((token) => QUESTION_WORDS.has(token.norm))
          .map((token) => token.norm),
      ),
    };
  });

  const knownStems = new Set(postings.keys());
  for (const word of words.keys()) knownStems.add(stemWord(word));
  return {
    knowledge,
    glossary,
    vocabulary: new Vocabulary(words),
    headingKeys,
    knownStems,
    postings,
    lengths,
    averageLength: knowledge.passages.length > 0 ? totalLength / knowledge.passages.length : 1,
    documentKeys,
    topics,
  };
}
