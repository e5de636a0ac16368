import Fuse from "fuse.js";
import type { KnowledgeBase } from "../knowledge/types.ts";

const MAX_CHOICE_CHARS = 100;

function clipChoice(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= MAX_CHOICE_CHARS) return flat;
  return `${flat.slice(0, MAX_CHOICE_CHARS - 1).replace(/\s+\S*$/, "")}…`;
}

function firstSentence(text: string): string {
  return /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
}

/** Completions while a member types a question: the topics' questions, then the passages' openings. */
export class Suggester {
  readonly #topicQuestions: readonly string[];
  readonly #fuse: Fuse<string>;

  constructor(knowledge: KnowledgeBase) {
    this.#topicQuestions = knowledge.topics.map((topic) => clipChoice(topic.question));
    const openings = knowledge.passages.map((passage) => clipChoice(firstSentence(passage.text)));
    const all = [...new Set([...this.#topicQuestions, ...openings])].filter(
      (text) => text.length > 0,
    );
    this.#fuse = new Fuse(all, { threshold: 0.35, ignoreLocation: true, useTokenSearch: true });
  }

  suggest(typed: string, limit: number): string[] {
    const text = clipChoice(typed);
    if (text === "") return this.#topicQuestions.slice(0, limit);
    const found = this.#fuse.search(text, { limit }).map((result) => result.item);
    return [...new Set([text, ...found])].slice(0, limit);
  }
}
