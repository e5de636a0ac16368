import type { KnowledgeBase } from "../knowledge/types.ts";
import type { GlossaryMatcher } from "./glossary.ts";
import { lowerBound } from "./sorted.ts";
import { QUESTION_WORDS, STOP_WORDS } from "./stopwords.ts";
import { containsCjk, normalizeText, tokenize } from "./text.ts";

/** Discord's limits on autocomplete: 25 choices of 1–100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_CHARS = 100;
/** The longest run of typed words a subject is looked up by (glossary terms are short). */
const MAX_TAIL_WORDS = 6;
/** Subjects whose relevance could not be asked of the engine (titles, headings) start here. */
const UNASKED_RELEVANCE = 0.3;
/** Words that open a yes/no question, so a completion after them ends with "?" too. */
const QUESTION_OPENERS = new Set([
  ...QUESTION_WORDS,
  ..."is are was were did does do can could has have had will would should".split(" "),
]);
/**
 * A lead of question words alone takes a subject only after these ("what is GSOMIA?", "tell me
 * about WTO"); "why did" needs a verb a completer cannot guess.
 */
const SUBJECT_BEFORE = new Set(["is", "are", "was", "were", "about"]);

/** How sure the engine is that it answers a question: 0 when it would refuse. */
export type Relevance = (question: string) => number;

/** A whole question offered as it stands: a topic's, or one written about a subject. */
interface Candidate {
  readonly text: string;
  /** Its words, with every glossary term of the concepts it names, so "지소" finds GSOMIA. */
  readonly words: readonly string[];
  readonly key: string;
  readonly score: number;
}

/** Something the knowledge covers that a typed question may end with. */
interface Subject {
  readonly key: string;
  /** As written in the knowledge. */
  readonly label: string;
  /** The question asked about it when nothing else was typed. */
  readonly question: string;
  readonly score: number;
  /** A glossary term, short enough to end a member's own sentence; else a title or heading. */
  readonly term: boolean;
}

/** The words the completer compares: NFKC, lower case, no possessive, split at anything but letters and digits. */
export function completionWords(text: string): string[] {
  return normalizeText(text)
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

const keyOf = (text: string) => completionWords(text).join(" ");

const fits = (text: string) => text.length >= 1 && text.length <= MAX_CHOICE_CHARS;

function* withPrefix<T extends { key: string }>(sorted: readonly T[], prefix: string) {
  for (let at = lowerBound(sorted, (entry) => entry.key < prefix); at < sorted.length; at++) {
    const entry = sorted[at] as T;
    if (!entry.key.startsWith(prefix)) return;
    yield entry;
  }
}

/** Code-unit order of keys, the order lowerBound searches. */
const keyOrder = (a: { key: string }, b: { key: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

const byScore = (a: { score: number; text?: string }, b: { score: number; text?: string }) =>
  b.score - a.score || (a.text?.length ?? 0) - (b.text?.length ?? 0);

/**
 * Completions while a member types a question, from an index built once per knowledge snapshot:
 * the topics' questions, and questions about what the knowledge covers (glossary terms, titles,
 * headings), ranked by how surely the engine answers them. Never a passage's text.
 */
export class QuestionCompleter {
  readonly #topics: readonly Candidate[];
  /** Every candidate, sorted by key, for a typed beginning. */
  readonly #byKey: readonly Candidate[];
  readonly #candidates: readonly Candidate[];
  /** Each word of the candidates, sorted, with the candidates holding it. */
  readonly #words: readonly { key: string; candidates: Int32Array }[];
  /** Subjects sorted by key, for the end of a typed question. */
  readonly #subjects: readonly Subject[];
  /** Korean and Japanese glossary terms, found inside a typed word ("지소미아는"). */
  readonly #scriptTerms: readonly string[];
  readonly #marks: Uint16Array;

  constructor(topics: readonly Candidate[], candidates: readonly Candidate[], subjects: Subject[]) {
    this.#topics = topics;
    this.#candidates = candidates;
    this.#byKey = [...candidates].sort(keyOrder);
    const holders = new Map<string, number[]>();
    candidates.forEach((candidate, id) => {
      for (const word of new Set(candidate.words)) {
        const list = holders.get(word) ?? [];
        list.push(id);
        holders.set(word, list);
      }
    });
    this.#words = [...holders]
      .map(([key, ids]) => ({ key, candidates: Int32Array.from(ids) }))
      .sort(keyOrder);
    this.#subjects = subjects.sort(keyOrder);
    this.#scriptTerms = subjects.filter((subject) => containsCjk(subject.key)).map((s) => s.key);
    this.#marks = new Uint16Array(candidates.length);
  }

  get size(): number {
    return this.#candidates.length + this.#subjects.length;
  }

  /** Up to `limit` questions, each 1–100 characters: what was typed first, then completions. */
  suggest(typed: string, limit = MAX_CHOICES): string[] {
    const count = Math.min(limit, MAX_CHOICES);
    const flat = typed.replace(/\s+/g, " ").trim();
    if (flat === "") return this.#topics.slice(0, count).map((topic) => topic.text);
    const words = completionWords(flat);
    const lastComplete = /\s$/.test(typed) || /[^\p{L}\p{N}]$/u.test(flat);
    const chosen = new Map<string, string>();
    const add = (text: string) => {
      const key = keyOf(text);
      if (fits(text) && key !== "" && !chosen.has(key)) chosen.set(key, text);
    };
    add(flat);
    if (words.length === 0) return [...chosen.values()].slice(0, count);
    for (const text of this.#completeTail(flat, words, lastComplete, count)) add(text);
    const typedKey = `${words.join(" ")}${lastComplete ? " " : ""}`;
    const begun = [...withPrefix(this.#byKey, typedKey)].sort(byScore);
    for (const candidate of begun.slice(0, count)) add(candidate.text);
    if (chosen.size < count) {
      for (const candidate of this.#containing(words, lastComplete)) {
        if (chosen.size >= count) break;
        add(candidate.text);
      }
    }
    return [...chosen.values()].slice(0, count);
  }

  /**
   * The typed text with its last words completed into a subject: "why did japan drop korea from
   * the white" → "…from the white list?". Alone, a subject becomes its own question.
   */
  #completeTail(flat: string, words: readonly string[], lastComplete: boolean, count: number) {
    for (let take = Math.min(words.length, MAX_TAIL_WORDS); take >= 1; take--) {
      const tail = words.slice(-take);
      if (tail.every((word) => STOP_WORDS.has(word))) continue;
      const prefix = `${tail.join(" ")}${lastComplete ? " " : ""}`;
      if (!specific(prefix)) return [];
      const exact = tail.join(" ");
      const lead = leadBefore(flat, words.length - take);
      const leadWords = words.slice(0, words.length - take);
      const leadTakesSubject =
        leadWords.length === 0 ||
        leadWords.some((word) => !STOP_WORDS.has(word)) ||
        SUBJECT_BEFORE.has(leadWords.at(-1) ?? "");
      if (!leadTakesSubject) continue;
      const found = [...withPrefix(this.#subjects, prefix)].filter(
        (subject) => subject.term || lead === "",
      );
      if (found.length === 0) continue;
      found.sort((a, b) => Number(b.key === exact) - Number(a.key === exact) || byScore(a, b));
      const asks = QUESTION_OPENERS.has(words[0] ?? "");
      return found
        .slice(0, count)
        .map((subject) => (lead ? `${lead} ${subject.label}${asks ? "?" : ""}` : subject.question));
    }
    return [];
  }

  /** Candidates holding every typed content word, the last one as a beginning; best first. */
  *#containing(words: readonly string[], lastComplete: boolean): Generator<Candidate> {
    const content = words.filter((word) => !STOP_WORDS.has(word));
    if (content.length === 0 || !specific(content.at(-1) as string)) return;
    const marks = this.#marks;
    const touched: number[] = [];
    content.forEach((word, position) => {
      const partial = position === content.length - 1 && !lastComplete;
      const holders = new Set<number>();
      const lookup = (key: string, asPrefix: boolean) => {
        for (const entry of withPrefix(this.#words, key)) {
          if (!asPrefix && entry.key !== key) break;
          for (const id of entry.candidates) holders.add(id);
        }
      };
      lookup(word, partial || containsCjk(word));
      if (containsCjk(word))
        for (const term of this.#scriptTerms) if (word.includes(term)) lookup(term, false);
      for (const id of holders) {
        if (marks[id] !== position) continue;
        marks[id] = position + 1;
        if (position === 0) touched.push(id);
      }
    });
    const found = touched
      .filter((id) => marks[id] === content.length)
      .map((id) => this.#candidates[id] as Candidate)
      .sort(byScore);
    for (const id of touched) marks[id] = 0;
    yield* found;
  }
}

/** Two letters at least, or one Korean or Japanese character: "j" alone would match anything. */
function specific(prefix: string): boolean {
  return prefix.trim().length >= 2 || containsCjk(prefix);
}

/** The typed text before its `index`-th word, as typed. */
function leadBefore(flat: string, index: number): string {
  if (index === 0) return "";
  let seen = 0;
  const pattern = /[\p{L}\p{N}]+(?:['’]s\b)?/gu;
  for (const match of flat.matchAll(pattern)) {
    if (seen === index) return flat.slice(0, match.index).trimEnd();
    seen++;
  }
  return flat;
}

function candidate(
  text: string,
  score: number,
  glossary: GlossaryMatcher,
  terms: readonly (readonly string[])[],
): Candidate {
  const words = completionWords(text);
  for (const hit of glossary.find(tokenize(text)))
    for (const term of terms[hit.concept] ?? []) words.push(...completionWords(term));
  return { text, words, key: keyOf(text), score };
}

function withoutSheetLabel(title: string): string {
  return title.replace(/^fact sheet:\s*/i, "").trim();
}

/**
 * Builds the completer in steps (one per question the engine is asked), so that a bot rebuilding
 * it beside the old one keeps answering meanwhile. `relevance` is the engine's.
 */
export function* completerSteps(
  knowledge: KnowledgeBase,
  glossary: GlossaryMatcher,
  relevance: Relevance,
): Generator<void, QuestionCompleter> {
  const terms = knowledge.glossary.map((entry) => entry.terms);
  const topics: Candidate[] = [];
  for (const topic of knowledge.topics) {
    const text = topic.question.replace(/\s+/g, " ").trim();
    // A topic is an admin's choice, so it comes before questions written from the knowledge.
    if (fits(text)) topics.push(candidate(text, 1 + relevance(text), glossary, terms));
    yield;
  }
  const subjects: Subject[] = [];
  const conceptScores: number[] = [];
  const questions: Candidate[] = [];
  for (const entry of knowledge.glossary) {
    const label = entry.terms[0] ?? "";
    const question = `What is ${label}?`;
    const score = fits(question) ? relevance(question) : 0;
    conceptScores.push(score);
    if (score > 0) {
      questions.push(candidate(question, score, glossary, terms));
      for (const term of entry.terms)
        subjects.push({
          key: keyOf(term),
          label: term,
          question: `What is ${term}?`,
          score,
          term: true,
        });
    }
    yield;
  }
  const named = [
    ...knowledge.documents.map((document) => withoutSheetLabel(document.title)),
    ...new Set(knowledge.passages.flatMap((passage) => passage.heading ?? [])),
  ];
  for (const [position, name] of [...new Set(named)].entries()) {
    const concepts = glossary.find(tokenize(name)).map((hit) => conceptScores[hit.concept] ?? 0);
    const score = Math.max(UNASKED_RELEVANCE, ...concepts) * 0.99;
    const question = `Tell me about ${name}`;
    subjects.push({ key: keyOf(name), label: name, question, score, term: false });
    if (fits(question)) questions.push(candidate(question, score, glossary, terms));
    if (position % 200 === 199) yield;
  }
  return new QuestionCompleter(topics, [...topics, ...questions], subjects);
}
