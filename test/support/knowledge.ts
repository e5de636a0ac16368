import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHIPPED_KNOWLEDGE = path.join(PROJECT_ROOT, "knowledge");
export const SEED_FILE = path.join(PROJECT_ROOT, "test", "fixtures", "dw-seed.txt");
export const SEED_DOCUMENT = "dw-2019-08-22-south-korea-scraps-intelligence-sharing";

/** A temporary knowledge folder: a copy of the shipped one (or empty), with files written over it. */
export async function makeKnowledgeDir(
  files: Record<string, string | Buffer>,
  { fromShipped = true } = {},
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "dispute-bot-knowledge-"));
  if (fromShipped) await cp(SHIPPED_KNOWLEDGE, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function article(frontMatter: Record<string, string>, body: string): string {
  const lines = Object.entries(frontMatter).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

/** An article about nothing the shipped knowledge covers, to add in tests and find again. */
export const BOYCOTT_ARTICLE = article(
  {
    title: "Consumers boycott Japanese brands",
    source: "Example News",
    url: "https://example.org/boycott",
    published: "2019-07-20",
  },
  "South Korean shoppers boycotted Japanese beer and Uniqlo clothing, and cancelled trips to Osaka.",
);
