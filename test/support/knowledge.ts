import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHIPPED_KNOWLEDGE = path.join(PROJECT_ROOT, "knowledge");
/** The knowledge of 28 November 2026, which the older question files were written against. */
export const V1_KNOWLEDGE = path.join(PROJECT_ROOT, "test", "fixtures", "knowledge-v1");
export const SEED_FILE = path.join(PROJECT_ROOT, "test", "fixtures", "dw-seed.txt");
export const SEED_DOCUMENT = "dw-2019-08-22-south-korea-scraps-intelligence-sharing";

/**
 * A temporary knowledge folder with files written over a copy of `base`: knowledge-v1 (a folder
 * that stays the same while the shipped knowledge grows, so tests of the engine and the bot do
 * not change with it), the shipped knowledge, or nothing.
 */
export async function makeKnowledgeDir(
  files: Record<string, string | Buffer>,
  { base = "v1" }: { base?: "v1" | "shipped" | "empty" } = {},
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "dispute-bot-knowledge-"));
  if (base !== "empty") {
    await cp(base === "v1" ? V1_KNOWLEDGE : SHIPPED_KNOWLEDGE, dir, { recursive: true });
  }
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

/** A Test Wire article of these paragraphs, its link made from its title. */
export function testWireArticle(
  title: string,
  published: string,
  paragraphs: readonly string[],
): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return article(
    { title, source: "Test Wire", url: `https://example.org/test-wire/${slug}`, published },
    paragraphs.join("\n\n"),
  );
}

export const TEST_WIRE_KNOWLEDGE = path.join(PROJECT_ROOT, "test", "fixtures", "test-wire");

/** A Test Wire report as YAML lines at `indent`, for fact sheets and timeline events. */
export function testWireReference(published: string, title: string, indent = "    "): string {
  return [
    `outlet: Test Wire`,
    `title: "${title}"`,
    `published: ${published}`,
    `url: https://example.org/test-wire/${published}`,
  ]
    .map((line) => `${indent}${line}`)
    .join("\n");
}

/**
 * A fact sheet citing one Test Wire report `testwire-1` (front matter lines 1–12, more with
 * `references`); `body` starts at line 14.
 */
export function testWireFactSheet(body: string, references = ""): string {
  return [
    "---",
    'title: "Fact sheet: a test"',
    "source: dispute-bot fact sheet",
    "kind: fact-sheet",
    "published: 2026-11-30",
    "references:",
    "  testwire-1:",
    testWireReference("2019-03-04", "Harbour fees rise"),
    ...(references ? [references] : []),
    "---",
    "",
    body,
    "",
  ].join("\n");
}

/**
 * A timeline.yaml of the given events, each cited to a Test Wire report of 2019-01-02 unless
 * `references` is given; each event takes 7 lines and a blank one (lines 1, 9, 17…).
 */
export function testWireTimeline(
  events: readonly { date: string; event: string; references?: string }[],
): string {
  return events
    .map(
      ({ date, event, references }) =>
        `- date: ${date}\n  event: ${JSON.stringify(event)}\n  references:${references ?? `\n    - ${testWireReference("2019-01-02", `Report on ${date}`, "      ").trimStart()}`}`,
    )
    .join("\n\n")
    .concat("\n");
}
