import { type KnowledgeBase, type Passage, searchTerms, type Topic } from "../knowledge/types.ts";
import { analyze, conceptKey, coreKeys, isConceptKey } from "./analyze.ts";
import { compoundParts } from "./compounds.ts";
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
  /** Terms of each document's title and tags, by document id: what the article is about. */
  readonly documentKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Terms of each document's title alone. A paragraph without a word of its title still speaks of
   * it; tags list every subject of the article, and a paragraph without one is not about it.
   */
  readonly titleKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /** Terms of the heading each passage sits under, by passage index (none when no heading). */
  readonly headingKeys: readonly (ReadonlySet<string> | undefined)[];
  /** Every word stem the knowledge knows, from passages, titles, tags and the glossary. */
  readonly knownStems: ReadonlySet<string>;
  /** The stems of the passages, sorted, to find the relatives of a word by its beginning. */
  readonly sortedStems: readonly string[];
  readonly topics: readonly TopicTerms[];
  /**
   * The news articles whose first paragraph competes with other articles' first paragraphs: all
   * of them when the folder holds two or more, none when it holds one.
   */
  readonly rivalLedes: ReadonlySet<string>;
}

/** Builds the index in one go. */
export function buildIndex(knowledge: KnowledgeBase): SearchIndex {
  return runAtOnce(indexSteps(knowledge));
}

/** Runs a generator's steps to the end without yielding: the synchronous twin of runInSlices. */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Builds the index in slices of about `sliceMs`, letting the event loop run between them, so
 * a bot that rebuilds beside its old index keeps answering from the old one meanwhile.
 */
export function buildIndexAsync(knowledge: KnowledgeBase, sliceMs = 8): Promise<SearchIndex> {
  return runInSlices(indexSteps(knowledge), sliceMs);
}

/** Runs a generator's steps, giving the event loop a turn every `sliceMs` or so. */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = 8): Promise<T> {
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

/** The postings of a contiguous range of passages, packed: one buffer for all passage lists. */
export interface PartialPostings {
  readonly firstPassage: number;
  readonly keys: readonly string[];
  /** Where each key's entries start in `passages` and `counts`; one more entry marks the end. */
  readonly offsets: Int32Array;
  readonly passages: Int32Array;
  readonly counts: Uint16Array;
  /** Content terms per passage of the range. */
  readonly lengths: Uint16Array;
  /** How often each content word occurs in the range. */
  readonly words: ReadonlyMap<string, number>;
}

/**
 * Counts the terms of passages given in order, with one lookup per distinct word: each word's
 * cached forms keep the ids this builder gave them.
 */
export class PostingsBuilder {
  private readonly owner = {};
  private readonly termKeys: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** One entry per (term, passage) pair, in passage order; sorted by term in `finish`. */
  private entryTerms = new Int32Array(1 << 16);
  private entryPassages = new Int32Array(1 << 16);
  private entryCounts = new Uint16Array(1 << 16);
  private entryCount = 0;
  private termFrequencies = new Int32Array(1024);
  private readonly wordIds = new Map<string, number>();
  private readonly wordList: string[] = [];
  private wordCounts = new Float64Array(1024);
  private perPassage = new Int32Array(1024);
  private readonly touched: number[] = [];
  private readonly lengths: number[] = [];

  constructor(
    private readonly glossary: GlossaryMatcher,
    readonly firstPassage: number,
  ) {}

  add(passageIndex: number, text: string): void {
    const words = wordsOf(text);
    let length = 0;
    for (const forms of words) {
      if (forms.stop) continue;
      if (forms.slot?.owner !== this.owner) {
        forms.slot = {
          owner: this.owner,
          term: this.termId(forms.stem),
          word: this.wordId(forms.norm),
          parts: compoundParts(forms.norm).map((part) => this.termId(part)),
        };
      }
      for (const part of forms.slot.parts) this.count(part);
      this.wordCounts[forms.slot.word] = (this.wordCounts[forms.slot.word] as number) + 1;
      this.count(forms.slot.term);
      length++;
    }
    for (const hit of this.glossary.find(words)) {
      this.count(this.termId(conceptKey(hit.concept)));
      length++;
      const head = this.glossary.headOf(words, hit);
      if (head) this.count(this.termId(conceptKey(head.concept)));
    }
    const needed = this.entryCount + this.touched.length;
    this.entryTerms = withRoomFor(this.entryTerms, needed);
    this.entryPassages = withRoomFor(this.entryPassages, needed);
    this.entryCounts = withRoomFor(this.entryCounts, needed);
    for (const id of this.touched) {
      const at = this.entryCount++;
      this.entryTerms[at] = id;
      this.entryPassages[at] = passageIndex;
      this.entryCounts[at] = Math.min(this.perPassage[id] as number, 0xffff);
      this.termFrequencies[id] = (this.termFrequencies[id] as number) + 1;
      this.perPassage[id] = 0;
    }
    this.touched.length = 0;
    this.lengths.push(Math.min(length, 0xffff));
  }

  finish(): PartialPostings {
    const terms = this.termKeys.length;
    const offsets = new Int32Array(terms + 1);
    for (let id = 0; id < terms; id++) {
      offsets[id + 1] = (offsets[id] as number) + (this.termFrequencies[id] as number);
    }
    const total = offsets[terms] as number;
    const passages = new Int32Array(total);
    const counts = new Uint16Array(total);
    const next = offsets.slice(0, terms);
    for (let at = 0; at < this.entryCount; at++) {
      const id = this.entryTerms[at] as number;
      const to = next[id] as number;
      next[id] = to + 1;
      passages[to] = this.entryPassages[at] as number;
      counts[to] = this.entryCounts[at] as number;
    }
    const words = new Map<string, number>();
    this.wordList.forEach((word, id) => {
      words.set(word, this.wordCounts[id] as number);
    });
    return {
      firstPassage: this.firstPassage,
      keys: this.termKeys,
      offsets,
      passages,
      counts,
      lengths: Uint16Array.from(this.lengths),
      words,
    };
  }

  private termId(key: string): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.termKeys.length;
      this.termIds.set(key, id);
      this.termKeys.push(key);
      this.termFrequencies = withRoomFor(this.termFrequencies, id + 1);
    }
    return id;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.wordList.length;
      this.wordIds.set(word, id);
      this.wordList.push(word);
      this.wordCounts = withRoomFor(this.wordCounts, id + 1);
    }
    return id;
  }

  private count(id: number): void {
    this.perPassage = withRoomFor(this.perPassage, id + 1);
    if (this.perPassage[id] === 0) this.touched.push(id);
    this.perPassage[id] = (this.perPassage[id] as number) + 1;
  }
}

type GrowableArray = Int32Array | Uint16Array | Float64Array;

/** `array`, or a copy at least twice as long when it holds fewer than `length` elements. */
function withRoomFor<T extends GrowableArray>(array: T, length: number): T {
  if (length <= array.length) return array;
  let size = array.length * 2;
  while (size < length) size *= 2;
  const grown = new (array.constructor as new (size: number) => T)(size);
  grown.set(array);
  return grown;
}

function* indexSteps(knowledge: KnowledgeBase): Generator<void, SearchIndex> {
  const glossary = new GlossaryMatcher(searchTerms(knowledge));
  const postings = yield* postingsSteps(knowledge, glossary, knowledge.passages.length);
  return assembleIndex(knowledge, glossary, [postings]);
}

/** Indexes the first `count` passages, pausing every PASSAGES_PER_STEP passages. */
export function* postingsSteps(
  knowledge: KnowledgeBase,
  glossary: GlossaryMatcher,
  count: number,
): Generator<void, PartialPostings> {
  const builder = new PostingsBuilder(glossary, 0);
  for (let index = 0; index < count; index++) {
    if (index % PASSAGES_PER_STEP === 0) yield;
    builder.add(index, (knowledge.passages[index] as Passage).text);
  }
  return builder.finish();
}

/** The whole index from the postings of consecutive ranges of passages. */
export function assembleIndex(
  knowledge: KnowledgeBase,
  glossary: GlossaryMatcher,
  parts: readonly PartialPostings[],
): SearchIndex {
  const words = new Map<string, number>();
  const addWord = (word: string, count = 1) => words.set(word, (words.get(word) ?? 0) + count);
  for (const word of glossary.words) addWord(word);
  for (const part of parts) for (const [word, count] of part.words) addWord(word, count);

  const lengths = new Uint16Array(knowledge.passages.length);
  let totalLength = 0;
  for (const part of parts) {
    lengths.set(part.lengths, part.firstPassage);
    for (const length of part.lengths) totalLength += length;
  }

  const pieces = new Map<string, { passages: Int32Array; counts: Uint16Array }[]>();
  for (const part of parts) {
    part.keys.forEach((key, id) => {
      const start = part.offsets[id] as number;
      const end = part.offsets[id + 1] as number;
      const list = pieces.get(key) ?? [];
      list.push({
        passages: part.passages.subarray(start, end),
        counts: part.counts.subarray(start, end),
      });
      pieces.set(key, list);
    });
  }
  const postings = new Map<string, Postings>();
  for (const [key, list] of pieces) {
    if (list.length === 1) {
      postings.set(key, list[0] as Postings);
      continue;
    }
    const size = list.reduce((sum, piece) => sum + piece.passages.length, 0);
    const passages = new Int32Array(size);
    const counts = new Uint16Array(size);
    let at = 0;
    for (const piece of list) {
      passages.set(piece.passages, at);
      counts.set(piece.counts, at);
      at += piece.passages.length;
    }
    postings.set(key, { passages, counts });
  }

  /** The terms of a heading, title or tags; their words join the vocabulary. */
  const contextKeys = (text: string): ReadonlySet<string> => {
    const analysis = analyze(text, glossary);
    for (const token of analysis.tokens) if (!token.stop) addWord(token.norm);
    return new Set(analysis.occurrences.map((occurrence) => occurrence.key));
  };
  const headingKeys: (ReadonlySet<string> | undefined)[] = [];
  const headingCache = new Map<string, ReadonlySet<string>>();
  for (const passage of knowledge.passages) {
    if (!passage.heading) continue;
    let keys = headingCache.get(passage.heading);
    if (!keys) {
      keys = contextKeys(passage.heading);
      headingCache.set(passage.heading, keys);
    }
    headingKeys[passage.index] = keys;
  }

  const documentKeys = new Map<string, ReadonlySet<string>>();
  const titleKeys = new Map<string, ReadonlySet<string>>();
  for (const document of knowledge.documents) {
    documentKeys.set(document.id, contextKeys([document.title, ...document.tags].join(" . ")));
    titleKeys.set(document.id, contextKeys(document.title));
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
    sortedStems: [...postings.keys()].filter((key) => !isConceptKey(key)).sort(),
    postings,
    lengths,
    averageLength: knowledge.passages.length > 0 ? totalLength / knowledge.passages.length : 1,
    documentKeys,
    titleKeys,
    topics,
    rivalLedes: rivalLedesOf(knowledge),
  };
}

function rivalLedesOf(knowledge: KnowledgeBase): ReadonlySet<string> {
  const articles = knowledge.documents.filter((document) => document.kind === "article");
  return new Set(articles.length > 1 ? articles.map((document) => document.id) : []);
}
