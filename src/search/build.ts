import type { KnowledgeBase, Topic } from "../knowledge/types.ts";
import { analyze, conceptKey, coreKeys } from "./analyze.ts";
import { Vocabulary } from "./fuzzy.ts";
import { GlossaryMatcher } from "./glossary.ts";
import { QUESTION_WORDS } from "./stopwords.ts";
import { stemWord, tokenize, wordsOf } from "./text.ts";

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
  /** The stems of the passages, sorted, to find the relatives of a word by its beginning. */
  readonly sortedStems: readonly string[];
  readonly topics: readonly TopicTerms[];
}

/** Builds the index in one go. */
export function buildIndex(knowledge: KnowledgeBase): SearchIndex {
  const steps = indexSteps(knowledge);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Builds the index in slices of about `sliceMs`, letting the event loop run between them, so
 * a bot that rebuilds beside its old index keeps answering from the old one meanwhile.
 */
export async function buildIndexAsync(knowledge: KnowledgeBase, sliceMs = 8): Promise<SearchIndex> {
  const steps = indexSteps(knowledge);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** How many passages are indexed between two chances to yield. */
const PASSAGES_PER_STEP = 200;

function* indexSteps(knowledge: KnowledgeBase): Generator<void, SearchIndex> {
  const glossary = new GlossaryMatcher(knowledge.glossary);
  const owner = {};
  const termKeys: string[] = [];
  const termIds = new Map<string, number>();
  const termPassages: number[][] = [];
  const termCounts: number[][] = [];
  const termId = (key: string) => {
    let id = termIds.get(key);
    if (id === undefined) {
      id = termKeys.length;
      termIds.set(key, id);
      termKeys.push(key);
      termPassages.push([]);
      termCounts.push([]);
    }
    return id;
  };
  const wordIds = new Map<string, number>();
  const wordList: string[] = [];
  let wordCounts = new Float64Array(1024);
  const wordId = (word: string) => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = wordList.length;
      wordIds.set(word, id);
      wordList.push(word);
      if (id >= wordCounts.length) {
        const grown = new Float64Array(wordCounts.length * 2);
        grown.set(wordCounts);
        wordCounts = grown;
      }
    }
    return id;
  };
  const addWord = (word: string) => {
    const id = wordId(word);
    wordCounts[id] = (wordCounts[id] as number) + 1;
  };
  for (const word of glossary.words) addWord(word);

  const headingKeys: (ReadonlySet<string> | undefined)[] = [];
  const headingCache = new Map<string, ReadonlySet<string>>();
  const lengths = new Uint16Array(knowledge.passages.length);
  let totalLength = 0;
  let perPassage = new Int32Array(1024);
  const touched: number[] = [];
  const count = (id: number) => {
    if (id >= perPassage.length) {
      const grown = new Int32Array(Math.max(perPassage.length * 2, id + 1));
      grown.set(perPassage);
      perPassage = grown;
    }
    if (perPassage[id] === 0) touched.push(id);
    perPassage[id] = (perPassage[id] as number) + 1;
  };

  for (const passage of knowledge.passages) {
    if (passage.index % PASSAGES_PER_STEP === 0) yield;
    const words = wordsOf(passage.text);
    let length = 0;
    for (const forms of words) {
      if (forms.stop) continue;
      if (forms.slot?.owner !== owner)
        forms.slot = { owner, term: termId(forms.stem), word: wordId(forms.norm) };
      wordCounts[forms.slot.word] = (wordCounts[forms.slot.word] as number) + 1;
      count(forms.slot.term);
      length++;
    }
    for (const hit of glossary.find(words)) {
      count(termId(conceptKey(hit.concept)));
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
    for (const id of touched) {
      (termPassages[id] as number[]).push(passage.index);
      (termCounts[id] as number[]).push(Math.min(perPassage[id] as number, 0xffff));
      perPassage[id] = 0;
    }
    touched.length = 0;
    lengths[passage.index] = Math.min(length, 0xffff);
    totalLength += Math.min(length, 0xffff);
  }

  const postings = new Map<string, Postings>();
  termKeys.forEach((key, id) => {
    postings.set(key, {
      passages: Int32Array.from(termPassages[id] as number[]),
      counts: Uint16Array.from(termCounts[id] as number[]),
    });
  });

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
  const words = new Map<string, number>();
  wordList.forEach((word, id) => {
    words.set(word, wordCounts[id] as number);
    knownStems.add(stemWord(word));
  });
  return {
    knowledge,
    glossary,
    vocabulary: new Vocabulary(words),
    headingKeys,
    knownStems,
    sortedStems: [...postings.keys()].filter((key) => !key.startsWith("~")).sort(),
    postings,
    lengths,
    averageLength: knowledge.passages.length > 0 ? totalLength / knowledge.passages.length : 1,
    documentKeys,
    topics,
  };
}
