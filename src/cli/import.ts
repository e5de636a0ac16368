import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadDotEnv, loadEngineConfig } from "../config.ts";
import type { ArticleFile } from "../import/article.ts";
import { type ArticleField, ImportError } from "../import/errors.ts";
import { type ImportSource, importArticle } from "../import/importer.ts";
import { parseOverrides } from "../import/overrides.ts";
import { writeArticleAtomically } from "../import/write.ts";

const USAGE = `Usage: npm run import -- <url | file> [options]

  npm run import -- https://news.example/2019/08/22/article --dry-run
  npm run import -- saved-page.html --source "Test Wire" --published 2019-08-22

Reads a web page, a saved page (.html), Markdown (.md) or text (.txt) and adds it to the
knowledge folder as an article, after showing what it found.

Options (what the page does not say, or says wrongly):
  --title TEXT          the article's title
  --source TEXT         the outlet's name, e.g. "Test Wire"
  --published DATE      the publication date, YYYY-MM-DD
  --url URL             the article's link (for a file without a canonical link)
  --tags a,b            tags, separated by commas
  --dry-run             show what would be added; write nothing
  --knowledge DIR       the knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)
  -h, --help            show this help`;

/** How the command line asks for a field the page does not give. */
const FLAG: Record<ArticleField, string> = {
  title: "--title",
  source: "--source",
  published: "--published YYYY-MM-DD",
  url: "--url",
  tags: "--tags",
};
const PREVIEW_PARAGRAPHS = 3;

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Give one URL or file to import.\n\n${USAGE}\n`);
    return 2;
  }
  const overrides = parseOverrides(values);
  if (!overrides.ok) {
    process.stderr.write(`${overrides.problems.join("\n")}\n`);
    return 2;
  }
  await loadDotEnv();
  let config: ReturnType<typeof loadEngineConfig>;
  try {
    config = loadEngineConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const knowledgeDir = path.resolve(values.knowledge ?? config.knowledgeDir);
  const input = positionals[0] ?? "";
  try {
    const source = await sourceOf(input);
    const article = await importArticle(source, overrides.value, {
      knowledgeDir,
      allowPrivate: config.importAllowPrivate,
    });
    process.stdout.write(preview(article));
    if (values["dry-run"]) {
      process.stdout.write(
        `\nDry run: nothing was written. Without --dry-run this adds ${article.fileName}.\n`,
      );
      return 0;
    }
    const written = await writeArticleAtomically(knowledgeDir, article.fileName, article.markdown);
    process.stdout.write(
      `\nAdded ${written}.\nA running bot picks it up on /reload (or by itself with KNOWLEDGE_WATCH=true).\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    process.stderr.write(`Not imported: ${input}\n`);
    for (const problem of error.problems) {
      const fix = problem.field ? ` (give it with ${FLAG[problem.field]})` : "";
      process.stderr.write(`  - ${problem.message}${fix}\n`);
    }
    return 1;
  }
}

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: {
      title: { type: "string" },
      source: { type: "string" },
      published: { type: "string" },
      url: { type: "string" },
      tags: { type: "string" },
      knowledge: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function sourceOf(input: string): Promise<ImportSource> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return { kind: "url", url: input };
  try {
    return { kind: "file", name: input, bytes: new Uint8Array(await readFile(input)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ImportError(
      `${input} cannot be read (${code}); give an existing file, or a URL starting with https://`,
    );
  }
}

function preview(article: ArticleFile): string {
  const lines = [
    `Title:      ${article.title}`,
    `Source:     ${article.source}`,
    `Published:  ${article.published}`,
    `Link:       ${article.url}`,
    `File:       ${article.fileName}`,
    `Paragraphs: ${article.paragraphs.length}`,
    "",
    ...article.paragraphs.slice(0, PREVIEW_PARAGRAPHS).map((paragraph) => `  ${paragraph.text}\n`),
  ];
  if (article.paragraphs.length > PREVIEW_PARAGRAPHS) {
    const more = article.paragraphs.length - PREVIEW_PARAGRAPHS;
    lines.push(`  … and ${more} more paragraph${more === 1 ? "" : "s"}.`);
  }
  return `${lines.join("\n")}\n`;
}

process.exitCode = await main();
