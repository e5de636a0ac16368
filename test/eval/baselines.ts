import MiniSearch from "minisearch";
import bm25 from "wink-bm25-text-search";
import { AnswerEngine } from "../../src/answer.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { tokenize } from "../../src/search/text.ts";

/** A retriever ranks passages (by index in the KnowledgeBase) for a question. */
export interface Retriever {
  readonly name: string;
  search(question: string, limit: number): number[];
  /** true when the retriever declined to answer (only the engine ever does). */
  refuses?(question: string): boolean;
}

export function engineRetriever(
  knowledge: KnowledgeBase,
  engine = new AnswerEngine(knowledge),
): Retriever {
  const indexOf = new Map(
    knowledge.passages.map((passage) => [
      `${passage.documentId}#${passage.paragraph}`,
      passage.index,
    ]),
  );
  return {
    name: "dispute-bot engine",
    search: (question, limit) =>
      engine
        .rank(question, limit)
        .map((passage) => indexOf.get(`${passage.document}#${passage.paragraph}`) ?? -1),
    refuses: (question) => engine.ask(question, { alternatives: 0 }).kind === "no-answer",
  };
}

/** MiniSearch as its README suggests for search-as-you-type: fuzzy 0.2 and prefix, over text and title. */
export function miniSearchRetriever(knowledge: KnowledgeBase): Retriever {
  const titles = new Map(knowledge.documents.map((document) => [document.id, document.title]));
  const index = new MiniSearch<{ id: number; text: string; title: string }>({
    fields: ["text", "title"],
  });
  index.addAll(
    knowledge.passages.map((passage) => ({
      id: passage.index,
      text: passage.text,
      title: titles.get(passage.documentId) ?? "",
    })),
  );
  return {
    name: "MiniSearch 7 (fuzzy 0.2, prefix)",
    search: (question, limit) =>
      index
        .search(question, { fuzzy: 0.2, prefix: true, boost: { title: 0.5 } })
        .slice(0, limit)
        .map((result) => Number(result.id)),
  };
}

/** wink BM25 with the engine's own tokeniser, stop words and Porter stems, so only ranking differs. */
export function bm25Retriever(knowledge: KnowledgeBase): Retriever {
  const titles = new Map(knowledge.documents.map((document) => [document.id, document.title]));
  const engine = bm25();
  const prepare = (text: string) =>
    tokenize(text)
      .filter((token) => !token.stop)
      .map((token) => token.stem);
  engine.defineConfig({ fldWeights: { text: 1, title: 0.5 } });
  engine.definePrepTasks([prepare]);
  for (const passage of knowledge.passages)
    engine.addDoc(
      { text: passage.text, title: titles.get(passage.documentId) ?? "" },
      passage.index,
    );
  // wink needs at least three documents to consolidate.
  for (let padding = knowledge.passages.length; padding < 3; padding++)
    engine.addDoc({ text: "", title: "" }, -1 - padding);
  engine.consolidate();
  return {
    name: "wink BM25 3 (same tokens)",
    search: (question, limit) =>
      engine
        .search(question, limit)
        .map(([id]) => Number(id))
        .filter((id) => id >= 0),
  };
}
