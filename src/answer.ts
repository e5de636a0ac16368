import { findPinnedPassages, hasErrors, loadKnowledge } from "./knowledge/load.ts";
import type {
  KnowledgeBase,
  KnowledgeDocument,
  KnowledgeIssue,
  Passage,
  Reference,
  Topic,
} from "./knowledge/types.ts";
import { confidenceOf } from "./search/answerable.ts";
import {
  buildIndex,
  buildIndexAsync,
  runAtOnce,
  runInSlices,
  type SearchIndex,
  type TopicTerms,
} from "./search/build.ts";
import { answerThreshold, offTopicProbabilities, offTopicSteps } from "./search/calibrate.ts";
import { completerSteps, MAX_CHOICES, type QuestionCompleter } from "./search/complete.ts";
import { buildIndexParallel, parallelBuildPays } from "./search/parallel.ts";
import { asks, questionParts, questionSentences } from "./search/parts.ts";
import { parseQuery, type Query } from "./search/query.ts";
import { matchRanges, type RankedPassage, rankPassages } from "./search/rank.ts";
import { containsCjk } from "./search/text.ts";
import { ANSWERABILITY } from "./search/weights.ts";

/** A ranked passage with the engine's confidence that it answers the question. */
type ScoredPassage = RankedPassage & { readonly confidence: number };

/** Alternatives, and passages offered as leads when there is no answer, may be a little less sure. */
const ALTERNATIVE_SHARE_OF_THRESHOLD = 0.75;
const MAX_SUGGESTIONS = 3;
/**
 * A part of a long question agrees with the whole when it ranks the whole's first paragraph this
 * high; its confidence in that paragraph is read among its first PART_CANDIDATES.
 */
const AGREEING_PLACES = 3;
const PART_CANDIDATES = 10;
/** A context sentence is kept when any of its best this many passages shares its topic. */
const CONTEXT_CANDIDATES = 10;
/** A sentence that asks with this many words the knowledge lacks asks about something. */
const UNKNOWN_WORDS_OF_A_QUESTION = 2;
/** A question of more sentences is searched whole: judging each would cost a ranking apiece. */
const MAX_SENTENCES_JUDGED = 8;

export interface QuotedPassage {
  readonly text: string;
  readonly title: string;
  readonly source: string;
  readonly url: string | undefined;
  /** The document's date; for a fact sheet, the day it was written, which only /sources shows. */
  readonly published: string;
  /** `fact-sheet`: the project's own summary, cited by its `references`, not by its own date. */
  readonly kind: KnowledgeDocument["kind"];
  /** The reports this paragraph rests on (a fact sheet's); empty for a news article's own words. */
  readonly references: readonly Reference[];
  readonly document: string;
  readonly paragraph: number;
  readonly line: number;
  readonly heading: string | undefined;
  readonly confidence: number;
  /** [start, end) ranges of `text` that match the question, for highlighting. */
  readonly ranges: readonly (readonly [number, number])[];
}

export type Suggestion =
  | { readonly kind: "topic"; readonly name: string; readonly description: string }
  | {
      readonly kind: "passage";
      readonly title: string;
      readonly preview: string;
      readonly document: string;
      readonly paragraph: number;
    };

export type NoAnswerReason = "empty-question" | "no-match" | "low-confidence" | "unmentioned";

export type Answer =
  | {
      readonly kind: "answer";
      readonly question: string;
      readonly topic: string | undefined;
      readonly passage: QuotedPassage;
      readonly alternatives: readonly QuotedPassage[];
      readonly suggestions: readonly Suggestion[];
      readonly truncated: boolean;
    }
  | {
      readonly kind: "no-answer";
      readonly question: string;
      readonly reason: NoAnswerReason;
      readonly message: string;
      readonly alternatives: readonly QuotedPassage[];
      readonly suggestions: readonly Suggestion[];
      readonly truncated: boolean;
    };

export interface AskOptions {
  /** How many next-best passages to offer besides the answer. */
  readonly alternatives?: number;
}

export interface EngineStats {
  readonly documents: number;
  readonly passages: number;
  readonly topics: number;
  readonly glossaryEntries: number;
  readonly vocabulary: number;
}

/** "Mike Pompeo", "Fukushima or 2023": what a refused question asks about that no source mentions. */
const UNMENTIONED_LIST = new Intl.ListFormat("en", { type: "disjunction" });

/** Questions in, cited passages out. Immutable: a reload makes a new engine. */
export class AnswerEngine {
  readonly knowledge: KnowledgeBase;
  readonly #index: SearchIndex;
  readonly #documents: ReadonlyMap<string, KnowledgeDocument>;
  /** Built with the index by `build`; on first use for an engine made by the constructor. */
  #completer: QuestionCompleter | undefined;
  /** Below this confidence the best passage is not presented as the answer (calibrate.ts). */
  readonly threshold: number;

  constructor(
    knowledge: KnowledgeBase,
    index: SearchIndex = buildIndex(knowledge),
    offTopic: readonly number[] = offTopicProbabilities(index),
  ) {
    this.knowledge = knowledge;
    this.#index = index;
    this.threshold = answerThreshold(offTopic, ANSWERABILITY.threshold);
    this.#documents = new Map(knowledge.documents.map((document) => [document.id, document]));
  }

  /**
   * Builds the engine without holding the event loop for more than a few milliseconds at a time;
   * a large knowledge base is indexed on two threads.
   */
  static async build(knowledge: KnowledgeBase): Promise<AnswerEngine> {
    const parallel = parallelBuildPays(knowledge)
      ? await buildIndexParallel(knowledge).catch(() => undefined)
      : undefined;
    const index = parallel ?? (await buildIndexAsync(knowledge));
    // The calibration asks 60 questions: on a large folder that too must leave the loop free.
    const engine = new AnswerEngine(knowledge, index, await runInSlices(offTopicSteps(index)));
    engine.#completer = await runInSlices(engine.#completerSteps());
    return engine;
  }

  #completerSteps() {
    return completerSteps(this.knowledge, this.#index.glossary, (question) =>
      this.answerConfidence(question),
    );
  }

  /** How surely the engine answers a question: its answer's confidence, 0 when it refuses. */
  answerConfidence(question: string): number {
    const answer = this.ask(question, { alternatives: 0 });
    return answer.kind === "answer" ? answer.passage.confidence : 0;
  }

  get topics(): readonly Topic[] {
    return this.knowledge.topics;
  }

  get documents(): readonly KnowledgeDocument[] {
    return this.knowledge.documents;
  }

  get stats(): EngineStats {
    return {
      documents: this.knowledge.documents.length,
      passages: this.knowledge.passages.length,
      topics: this.knowledge.topics.length,
      glossaryEntries: this.knowledge.glossary.length,
      vocabulary: this.#index.vocabulary.size,
    };
  }

  topic(name: string): Topic | undefined {
    const wanted = name.trim().replace(/^\//, "").toLowerCase();
    return this.knowledge.topics.find((topic) => topic.name === wanted);
  }

  /** Completions for a half-typed question, at most 25, each 1–100 characters; the typed text first. */
  suggest(typed: string, limit = MAX_CHOICES): string[] {
    this.#completer ??= runAtOnce(this.#completerSteps());
    return this.#completer.suggest(typed, limit);
  }

  /**
   * The passages in the order a member would meet them: the answer (when there is one), then the
   * rest of the ranking, whatever their confidence. For evaluation and benchmarks.
   */
  rank(question: string, limit: number): QuotedPassage[] {
    // As many as `ask` ranks at most: more candidates refined could change the first place.
    const { query, ranked } = this.#search(question, limit);
    const answer = this.#respond(query, ranked, 0);
    const first = answer.kind === "answer" ? [answer.passage] : [];
    const rest = ranked
      .map((entry) => this.#quote(entry))
      .filter(
        (passage) =>
          !first.some(
            (shown) => shown.document === passage.document && shown.paragraph === passage.paragraph,
          ),
      );
    return [...first, ...rest].slice(0, limit);
  }

  /**
   * The ranking alone, without the route to a pinned topic's paragraph: what the search finds for
   * a question by itself (check-knowledge compares a topic's pin with it).
   */
  rankWithoutPins(question: string, limit: number): QuotedPassage[] {
    return this.#search(question, limit).ranked.map((entry) => this.#quote(entry));
  }

  /** One paragraph, with the words of `question` marked: a suggestion opened in full. */
  passage(document: string, paragraph: number, question = ""): QuotedPassage | undefined {
    const found = this.knowledge.passages.find(
      (candidate) => candidate.documentId === document && candidate.paragraph === paragraph,
    );
    if (!found) return undefined;
    const query = parseQuery(this.#index, question);
    return this.#quote({ ...this.#unranked(found, query), confidence: 0 });
  }

  ask(question: string, options: AskOptions = {}): Answer {
    const alternativeCount = options.alternatives ?? 3;
    const { query, ranked } = this.#search(question, alternativeCount + 1);
    return this.#respond(query, ranked, alternativeCount);
  }

  /**
   * The question's ranking, judged by its best part: a member who writes context and opinion
   * around a question is answered as if they had asked the question alone. Where a part that
   * asks agrees with the whole (ranks the whole's first paragraph among its first three), the
   * whole's ranking stands, with the more confident of the two: it weighs every word the member
   * wrote, and the part confirms its choice. Only a part that disagrees replaces it, when more
   * confident.
   */
  #search(question: string, limit: number): { query: Query; ranked: ScoredPassage[] } {
    const asked = parseQuery(this.#index, question);
    // A request for instructions or advice anywhere in the message ("…? what should I pack"), or
    // a question whether a step was undone ("When did Japan lift the curbs, the ones on…"), is
    // what the member wants, whichever sentence or part is searched.
    const marked = (query: Query): Query => ({
      ...query,
      asksInstructions: query.asksInstructions || asked.asksInstructions,
      asksWhetherUndone: query.asksWhetherUndone || asked.asksWhetherUndone,
    });
    const whole = marked(this.#withoutOffTopicSentences(asked));
    const wholeRanked = this.#ranked(whole, limit);
    const wholeFirst = wholeRanked[0];
    let best = { query: whole, ranked: wholeRanked };
    let agreed = false;
    let agreeingConfidence = 0;
    for (const part of questionParts(whole.text)) {
      const query = marked(parseQuery(this.#index, part));
      const candidates = rankPassages(this.#index, query, Math.max(limit, PART_CANDIDATES));
      const place = candidates.findIndex(
        (entry) => entry.passage.index === wholeFirst?.passage.index,
      );
      const ranked = this.#scored(query, candidates.slice(0, limit));
      const agreeing = candidates[place];
      if (agreeing) {
        agreed ||= place < AGREEING_PLACES;
        // Scored already when it is among the passages kept.
        const confidence = ranked[place]?.confidence ?? confidenceOf(query, agreeing);
        agreeingConfidence = Math.max(agreeingConfidence, confidence);
      }
      if ((ranked[0]?.confidence ?? 0) > (best.ranked[0]?.confidence ?? 0)) {
        best = { query: { ...query, text: whole.text, truncated: whole.truncated }, ranked };
      }
    }
    if (!agreed || !wholeFirst) return best;
    const confidence = Math.max(wholeFirst.confidence, agreeingConfidence);
    return { query: whole, ranked: [{ ...wholeFirst, confidence }, ...wholeRanked.slice(1)] };
  }

  /**
   * The question without its sentences that share nothing with the knowledge's topic ("I keep
   * hearing different things about this.", "Can someone help me?"), whose everyday words would
   * otherwise pick the paragraph. A sentence that names the topic ("I read Japan cut Korea from
   * its white list.") is context, and stays. So does a question off the topic when no sentence of
   * the topic asks, if it is a question of its own ("Why?" after the facts it asks about, "what
   * should I cook tonight?" after a word on GSOMIA, to be refused) or nothing else is on the topic.
   */
  #withoutOffTopicSentences(whole: Query): Query {
    const texts = questionSentences(whole.text);
    if (texts.length < 2 || texts.length > MAX_SENTENCES_JUDGED) return whole;
    const sentences = texts.map((text) => {
      const query = { ...parseQuery(this.#index, text), contextSentence: true };
      return {
        text,
        asks: asks(text),
        // "Why?", "how do I say thanks in Korean?", "what should I cook tonight?" (words the
        // knowledge lacks): a question of its own, not a plea for help ("Can someone help me?").
        asksSomething:
          query.answerType !== undefined ||
          query.aboutLanguage ||
          query.terms.filter((term) => !term.optional && !term.known).length >=
            UNKNOWN_WORDS_OF_A_QUESTION,
        topical: this.#ranked(query, CONTEXT_CANDIDATES).some((entry) => entry.confidence > 0),
      };
    });
    const anyTopical = sentences.some((sentence) => sentence.topical);
    const topicalAsks = sentences.some((sentence) => sentence.topical && sentence.asks);
    const kept = sentences.filter(
      (sentence) =>
        sentence.topical ||
        (sentence.asks && !topicalAsks && (sentence.asksSomething || !anyTopical)),
    );
    if (kept.length === 0 || kept.length === sentences.length) return whole;
    const text = kept.map((sentence) => sentence.text).join(" ");
    return { ...parseQuery(this.#index, text), text: whole.text, truncated: whole.truncated };
  }

  #ranked(query: Query, limit: number): ScoredPassage[] {
    return this.#scored(query, rankPassages(this.#index, query, limit));
  }

  #scored(query: Query, ranked: readonly RankedPassage[]): ScoredPassage[] {
    return ranked.map((entry) => ({ ...entry, confidence: confidenceOf(query, entry) }));
  }

  /** The answer to a parsed question from its ranking: a pinned topic, the best passage, or none. */
  #respond(query: Query, ranked: readonly ScoredPassage[], alternativeCount: number): Answer {
    if (!query.terms.some((term) => !term.optional)) {
      return this.#noAnswer(query, "empty-question", []);
    }
    const routed = this.#matchPinnedTopic(query);
    const best = ranked[0];
    if (routed) {
      const pinned = this.#pinnedPassage(routed.topic);
      if (pinned) {
        const own = ranked.find((entry) => entry.passage.index === pinned.index);
        const confidence = Math.max(own?.confidence ?? 0, 0.9);
        return this.#answer(
          query,
          routed.topic.name,
          { ...(own ?? this.#unranked(pinned, query)), confidence },
          ranked,
          alternativeCount,
        );
      }
    }
    if (!best || best.confidence < this.threshold) {
      const reason =
        query.unmentioned.length > 0 ? "unmentioned" : best ? "low-confidence" : "no-match";
      return this.#noAnswer(query, reason, this.#suggestionsFor(query, ranked));
    }
    return this.#answer(query, undefined, best, ranked, alternativeCount);
  }

  /** Answers a topic command: its pinned passage, or the best answer to its question. */
  askTopic(name: string, options: AskOptions = {}): Answer | undefined {
    const topic = this.topic(name);
    if (!topic) return undefined;
    const pinned = this.#pinnedPassage(topic);
    if (!pinned) {
      const answer = this.ask(topic.question, options);
      return {
        ...answer,
        question: `/${topic.name}`,
        ...(answer.kind === "answer" ? { topic: topic.name } : {}),
      };
    }
    const alternativeCount = options.alternatives ?? 3;
    const query = parseQuery(this.#index, topic.question);
    const ranked = this.#ranked(query, alternativeCount + 1);
    const answer = this.#answer(
      query,
      topic.name,
      { ...this.#unranked(pinned, query), confidence: 1 },
      ranked,
      alternativeCount,
    );
    return { ...answer, question: `/${topic.name}` };
  }

  /** A passage an admin chose, which the ranking need not have found: its words marked all the same. */
  #unranked(passage: Passage, query: Query): RankedPassage {
    const features = {
      bm25: 0,
      coverage: 0,
      titleContext: 0,
      previousContext: 0,
      focus: 0,
      lead: 0,
      proximity: 0,
      answerType: 0,
    };
    return {
      passage,
      score: 0,
      features,
      matchedTerms: 0,
      contextTerms: 0,
      ranges: matchRanges(this.#index, query, passage),
      answerStrength: 0,
      partyReacts: true,
      namesSomeoneElse: true,
    };
  }

  #pinnedPassage(topic: Topic): Passage | undefined {
    return topic.pin ? findPinnedPassages(topic.pin, this.knowledge.passages)[0] : undefined;
  }

  /**
   * A free question that says what a pinned topic asks (no term the topic lacks, no other
   * question word, and a fair share of the topic's terms) gets the passage an admin chose.
   */
  #matchPinnedTopic(query: Query): TopicTerms | undefined {
    // Korean or Japanese words outside the glossary neither add to an English topic nor differ from it.
    const required = query.terms.filter(
      (term) => !term.optional && (term.known || !containsCjk(term.label)),
    );
    let best: { topic: TopicTerms; share: number } | undefined;
    for (const topic of this.#index.topics) {
      if (!topic.topic.pin || required.length < 2) continue;
      if (!required.every((term) => topic.keys.has(term.key))) continue;
      if ([...query.questionWords].some((word) => !topic.questionWords.has(word))) continue;
      const share =
        required.filter((term) => topic.coreKeys.has(term.key)).length / topic.coreKeys.size;
      if (share >= 0.4 && (!best || share > best.share)) best = { topic, share };
    }
    return best?.topic;
  }

  #answer(
    query: Query,
    topic: string | undefined,
    best: ScoredPassage,
    ranked: readonly ScoredPassage[],
    alternativeCount: number,
  ): Answer {
    const alternatives = ranked
      .filter(
        (entry) =>
          entry.passage.index !== best.passage.index &&
          entry.confidence >= this.threshold * ALTERNATIVE_SHARE_OF_THRESHOLD,
      )
      .slice(0, alternativeCount)
      .map((entry) => this.#quote(entry));
    return {
      kind: "answer",
      question: query.text,
      topic,
      passage: this.#quote(best),
      alternatives,
      suggestions: [],
      truncated: query.truncated,
    };
  }

  #noAnswer(query: Query, reason: NoAnswerReason, suggestions: Suggestion[]): Answer {
    const message =
      reason === "empty-question"
        ? "Ask a question in words, for example: why did South Korea end GSOMIA?"
        : reason === "unmentioned"
          ? `None of my sources mentions ${UNMENTIONED_LIST.format(query.unmentioned)}, so I have no answer to that.`
          : "I have no confident answer to that in my sources.";
    return {
      kind: "no-answer",
      question: query.text,
      reason,
      message,
      alternatives: [],
      suggestions:
        suggestions.length > 0 || reason !== "empty-question" ? suggestions : this.#defaultTopics(),
      truncated: query.truncated,
    };
  }

  /** Topics that share the question's terms; else passages that answer part of it; else the first topics. */
  #suggestionsFor(query: Query, ranked: readonly ScoredPassage[]): Suggestion[] {
    const keys = query.terms.filter((term) => term.known);
    const topics = this.#index.topics
      .map((topic) => ({
        topic: topic.topic,
        weight: keys
          .filter((term) => topic.keys.has(term.key))
          .reduce((sum, term) => sum + term.idf, 0),
      }))
      .filter((entry) => entry.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .map(
        (entry): Suggestion => ({
          kind: "topic",
          name: entry.topic.name,
          description: entry.topic.description,
        }),
      );
    const passages = ranked
      .filter((entry) => entry.confidence >= this.threshold * ALTERNATIVE_SHARE_OF_THRESHOLD)
      .map((entry): Suggestion => {
        const document = this.#documents.get(entry.passage.documentId);
        return {
          kind: "passage",
          title: document?.title ?? entry.passage.documentId,
          preview: preview(entry.passage.text),
          document: entry.passage.documentId,
          paragraph: entry.passage.paragraph,
        };
      });
    const related = [...topics, ...passages].slice(0, MAX_SUGGESTIONS);
    return related.length > 0 ? related : this.#defaultTopics();
  }

  #defaultTopics(): Suggestion[] {
    return this.knowledge.topics
      .slice(0, MAX_SUGGESTIONS)
      .map((topic) => ({ kind: "topic", name: topic.name, description: topic.description }));
  }

  #quote(entry: ScoredPassage): QuotedPassage {
    const passage = entry.passage;
    const document = this.#documents.get(passage.documentId);
    if (!document)
      throw new Error(`passage ${passage.index} names unknown document ${passage.documentId}`);
    return {
      text: passage.text,
      title: document.title,
      source: document.source,
      url: document.url,
      published: document.published,
      kind: document.kind,
      references: passage.references,
      document: document.id,
      paragraph: passage.paragraph,
      line: passage.line,
      heading: passage.heading,
      confidence: Math.round(entry.confidence * 1000) / 1000,
      ranges: entry.ranges,
    };
  }
}

function preview(text: string, length = 90): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).replace(/\s+\S*$/, "")}…`;
}

export interface EngineLoad {
  readonly engine: AnswerEngine | undefined;
  readonly issues: readonly KnowledgeIssue[];
}

/** Loads and indexes a knowledge folder; no engine when any file has an error. */
export async function loadEngine(directory: string): Promise<EngineLoad> {
  const { knowledge, issues } = await loadKnowledge(directory);
  if (hasErrors(issues)) return { engine: undefined, issues };
  return { engine: new AnswerEngine(knowledge), issues };
}
