import type { KnowledgeBase, KnowledgeDocument, Passage } from "../../src/knowledge/types.ts";

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  "ka ri mo sun de la to vi nor pe sel ga mi ron tu bel ha ste qui dor an fe lo zu mar es kin ol ve ta".split(
    " ",
  );

function syntheticWord(random: () => number): string {
  const count = 2 + Math.floor(random() * 3);
  let word = "";
  for (let i = 0; i < count; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word;
}

/**
 * A knowledge base of `size` paragraphs, 40–120 words each, drawn from a vocabulary that grows
 * with the corpus (Zipf-like frequencies), with the real passages mixed in every so often.
 */
export function syntheticKnowledge(real: KnowledgeBase, size: number, seed = 42): KnowledgeBase {
  const random = seeded(seed);
  const realWords = [...new Set(real.passages.flatMap((passage) => passage.text.split(/\s+/)))];
  const vocabulary = [...realWords];
  const target = 2000 + Math.floor(size * 0.6);
  while (vocabulary.length < target) vocabulary.push(syntheticWord(random));
  const pick = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.2)] as string;

  const documents: KnowledgeDocument[] = [];
  const passages: Passage[] = [];
  const perDocument = 20;
  for (let index = 0; index < size; index++) {
    if (index % perDocument === 0) {
      const id = `synthetic-${index / perDocument}`;
      documents.push({
        id,
        file: `${id}.md`,
        title: `${pick()} ${pick()} ${pick()}`,
        source: "Synthetic",
        url: `https://example.org/${id}`,
        published: "2019-08-22",
        tags: [],
        kind: "article",
        references: [],
        language: "en",
        dateline: undefined,
      });
    }
    const documentId = (documents.at(-1) as KnowledgeDocument).id;
    const realPassage =
      index % 97 === 0 ? real.passages[(index / 97) % real.passages.length] : undefined;
    let text = realPassage?.text;
    if (!text) {
      const words: string[] = [];
      const length = 40 + Math.floor(random() * 81);
      for (let i = 0; i < length; i++) words.push(pick());
      text = `${words.join(" ")}.`;
    }
    passages.push({
      index,
      documentId,
      paragraph: (index % perDocument) + 1,
      line: 1,
      heading: undefined,
      text,
      references: [],
    });
  }
  return {
    directory: "(synthetic)",
    documents,
    passages,
    topics: real.topics.filter((topic) => !topic.pin),
    glossary: real.glossary,
    vocabulary: real.vocabulary,
    timeline: [],
  };
}

/** Questions: the evaluation questions, then word picks from random paragraphs, some with a typo. */
export function benchQuestions(
  knowledge: KnowledgeBase,
  fromFile: readonly string[],
  count: number,
  seed = 7,
): string[] {
  const random = seeded(seed);
  const questions = [...fromFile];
  while (questions.length < count) {
    const passage = knowledge.passages[Math.floor(random() * knowledge.passages.length)] as Passage;
    const words = passage.text.replace(/[^\p{L}\p{N}\s]/gu, "").split(/\s+/);
    const picked: string[] = [];
    const length = 2 + Math.floor(random() * 5);
    for (let i = 0; i < length; i++) picked.push(words[Math.floor(random() * words.length)] ?? "");
    if (random() < 0.3 && picked[0] && picked[0].length > 5) {
      const word = picked[0];
      const at = 1 + Math.floor(random() * (word.length - 2));
      picked[0] = word.slice(0, at) + (word[at + 1] ?? "") + word[at] + word.slice(at + 2);
    }
    questions.push(`what about ${picked.join(" ")}?`);
  }
  return questions;
}

/** Bytes of the worst-case paragraphs: as long as a pasted report without a comma. */
export const LONG_PARAGRAPH_CHARS = 30_000;

/**
 * The worst case for the answer-type patterns: `knowledge` with its first `count` paragraphs
 * stretched to 30 KB without a comma, and "which…"/"what are…" questions that reach them.
 */
export function longParagraphCase(
  knowledge: KnowledgeBase,
  count = 10,
): { knowledge: KnowledgeBase; questions: string[] } {
  const questions: string[] = [];
  const passages = knowledge.passages.map((passage, index) => {
    if (index >= count) return passage;
    const words = passage.text.replace(/[^\p{L}\p{N}\s]/gu, "").split(/\s+/);
    questions.push(
      `which ${words.slice(0, 3).join(" ")}?`,
      `what are ${words.slice(3, 6).join(" ")}?`,
    );
    const text = `${words.join(" ")} `.repeat(
      Math.ceil(LONG_PARAGRAPH_CHARS / (passage.text.length + 1)),
    );
    return { ...passage, text: text.slice(0, LONG_PARAGRAPH_CHARS) };
  });
  return { knowledge: { ...knowledge, passages }, questions };
}

/**
 * What members type into /ask, one keystroke at a time: every beginning of the evaluation
 * questions, the topics' questions, glossary terms (Korean and Japanese among them) and titles.
 */
export function benchKeystrokes(
  knowledge: KnowledgeBase,
  fromFile: readonly string[],
  count: number,
  seed = 11,
): string[] {
  const random = seeded(seed);
  const phrases = [
    ...fromFile,
    ...knowledge.topics.map((topic) => topic.question),
    ...knowledge.glossary.flatMap((entry) => entry.terms),
    ...knowledge.documents.map((document) => document.title.toLowerCase()),
  ];
  const keystrokes: string[] = [];
  while (keystrokes.length < count) {
    const phrase = phrases[Math.floor(random() * phrases.length)] as string;
    for (let end = 1; end <= phrase.length && keystrokes.length < count; end++)
      keystrokes.push(phrase.slice(0, end));
  }
  return keystrokes;
}

/** The same knowledge with a heading over every five paragraphs, as long reports have. */
export function withHeadings(knowledge: KnowledgeBase, seed = 13): KnowledgeBase {
  const random = seeded(seed);
  let heading = "";
  const passages = knowledge.passages.map((passage, index) => {
    if (index % 5 === 0) {
      const words = passage.text.replace(/[^\p{L}\p{N}\s]/gu, "").split(/\s+/);
      const start = Math.floor(random() * Math.max(1, words.length - 6));
      heading = words.slice(start, start + 2 + Math.floor(random() * 5)).join(" ");
    }
    return { ...passage, heading: heading || undefined };
  });
  return { ...knowledge, passages };
}

/**
 * The worst case for typo correction: questions of about 1,000 characters (the most a question
 * keeps) made of the corpus's own words, each with a letter dropped, so every word is looked up.
 */
export function typoFloodQuestions(knowledge: KnowledgeBase, count = 20, seed = 7): string[] {
  const random = seeded(seed);
  const words = knowledge.passages
    .slice(0, 2000)
    .flatMap((passage) => passage.text.split(/\s+/))
    .filter((word) => /^[a-z]{6,}$/.test(word));
  const mistyped = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, at) + word.slice(at + 1);
  };
  return Array.from({ length: count }, () => {
    let question = "";
    while (question.length < 990) {
      question += `${mistyped(words[Math.floor(random() * words.length)] ?? "export")} `;
    }
    return question.trim();
  });
}
