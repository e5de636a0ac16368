import type { KnowledgeBase, Topic } from "../knowledge/types.ts";
import { analyze, coreKeys } from "./analyze.ts";
import { Vocabulary } from "./fuzzy.ts";
import { GlossaryMatcher } from "./glossary.ts";
import { QUESTION_WORDS } from "./stopwords.ts";
import { tokenize } from "./text.ts";

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
  readonly topics: readonly TopicTerms[];
}

export function buildIndex(knowledge: KnowledgeBase): SearchIndex {
  const glossary = new GlossaryMatcher(knowledge.glossary);
  const words = new Set<string>(glossary.words);
  const lists = new Map<string, { passages: number[]; counts: number[] }>();
  const lengths = new Uint16Array(knowledge.passages.length);
  let totalLength = 0;

  for (const passage of knowledge.passages) {
    const analysis = analyze(passage.text, glossary);
    for (const token of analysis.tokens) if (!token.stop) words.add(token.norm);
    const counts = new Map<string, number>();
    for (const occurrence of analysis.occurrences) {
      counts.set(occurrence.key, (counts.get(occurrence.key) ?? 0) + 1);
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
    const length = Math.min(analysis.occurrences.length, 0xffff);
    lengths[passage.index] = length;
    totalLength += length;
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
    for (const token of analysis.tokens) if (!token.stop) words.add(token.norm);
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

  return {
    knowledge,
    glossary,
    vocabulary: new Vocabulary(words),
    postings,
    lengths,
    averageLength: knowledge.passages.length > 0 ? totalLength / knowledge.passages.length : 1,
    documentKeys,
    topics,
  };
}
