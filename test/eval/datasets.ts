import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { z } from "zod";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { SEED_DOCUMENT, SHIPPED_KNOWLEDGE, V1_KNOWLEDGE } from "../support/knowledge.ts";

export const questionFileSchema = z.array(
  z.strictObject({
    question: z.string(),
    /** Phrases any one of which the right passage contains; null when no passage should be given. */
    expect: z.array(z.string().min(1)).min(1).nullable(),
    /** What kind of question it is (short, paraphrase, long, off-topic…), for reports by kind. */
    kind: z.string().optional(),
  }),
);
export type Question = z.infer<typeof questionFileSchema>[number];

/**
 * The form in which a passage and an expected phrase are compared, as the sealed evaluation
 * compares them: NFKC (a no-break space is a space), straight quotes, whitespace collapsed. A
 * phrase copied from an article with ordinary spaces still finds a passage that has no-break ones.
 */
function comparable(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/gu, "'")
    .replace(/[\u201c\u201d]/gu, '"')
    .replace(/\s+/gu, " ");
}

/** Whether a passage holds one of a question's expected phrases. */
export function holdsPhrase(text: string, phrases: readonly string[]): boolean {
  const passage = comparable(text);
  return phrases.some((phrase) => passage.includes(comparable(phrase)));
}

export async function readQuestions(file: string): Promise<Question[]> {
  return questionFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
}

/**
 * A knowledge folder to evaluate on: `shipped` (knowledge/), `v1` (test/fixtures/knowledge-v1,
 * the knowledge the older question files were written against), `seed` (knowledge/ with every
 * article but the DW seed removed, and the topics that pin a removed article), or a folder path;
 * then `+DIR` for each folder of articles to add, as a server adding articles would.
 */
export async function loadKnowledgeSpec(spec: string) {
  const [base = "shipped", ...added] = spec.split("+");
  const folder = await mkdtemp(path.join(tmpdir(), "dispute-bot-eval-"));
  try {
    const from = { shipped: SHIPPED_KNOWLEDGE, seed: SHIPPED_KNOWLEDGE, v1: V1_KNOWLEDGE }[base];
    await cp(from ?? base, folder, {
      recursive: true,
    });
    if (base === "seed") await keepOnlySeed(folder);
    for (const [at, articles] of added.entries()) {
      await cp(articles, path.join(folder, `added-${at}`), { recursive: true });
    }
    return await loadKnowledge(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function keepOnlySeed(folder: string): Promise<void> {
  await rm(path.join(folder, "fact-sheets"), { recursive: true, force: true });
  const topicsFile = path.join(folder, "topics.yaml");
  const topics = z
    .array(z.looseObject({ pin: z.looseObject({ document: z.string() }).optional() }))
    .parse(parse(await readFile(topicsFile, "utf8")));
  const kept = topics.filter((topic) => !topic.pin || topic.pin.document === SEED_DOCUMENT);
  await writeFile(topicsFile, stringify(kept));
}
