import path from "node:path";
import { loadKnowledge } from "../knowledge/load.ts";
import { endsLikeSentence, parseArticle } from "../knowledge/parse.ts";
import {
  type ArticleFile,
  type ArticleOverrides,
  blocksOfParagraphs,
  buildArticleFile,
} from "./article.ts";
import { isFurnitureText } from "./boilerplate.ts";
import { decodePage } from "./decode.ts";
import { findDuplicate } from "./duplicates.ts";
import { ImportError } from "./errors.ts";
import { type ArticleBlock, extractArticle } from "./extract.ts";
import { FETCH_LIMITS, type FetchOptions, fetchPage } from "./fetch.ts";
import type { PageMetadata } from "./metadata.ts";

/** What to import: a page on the web, or a file's bytes (a saved page, Markdown or plain text). */
export type ImportSource =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "file"; readonly name: string; readonly bytes: Uint8Array };

export interface ImportOptions extends FetchOptions {
  /** The knowledge folder, read to find duplicates. */
  readonly knowledgeDir: string;
}

/** A crawler's first line, `date 2019-08-23 …`: the day it was read, not published. */
const CRAWL_HEADER = /^date \d{4}-\d{2}-\d{2}\s+/;
/** Where a text's headline may be: after a few lines of site furniture at most. */
const MAX_LINES_BEFORE_TITLE = 6;

export const IMPORTABLE_FILE = /\.(html?|xhtml|md|markdown|txt)$/i;

const NO_METADATA: PageMetadata = {
  title: undefined,
  source: undefined,
  published: undefined,
  url: undefined,
  language: undefined,
};

/**
 * Turns a URL or a file into a knowledge article, ready to write but not written. Throws an
 * ImportError naming every problem: a refused fetch, missing metadata, no article text, or an
 * article already in the knowledge.
 */
export async function importArticle(
  source: ImportSource,
  overrides: ArticleOverrides,
  options: ImportOptions,
): Promise<ArticleFile> {
  const { metadata, blocks } = await read(source, overrides, options);
  const article = buildArticleFile(
    {
      title: overrides.title ?? metadata.title,
      source: overrides.source ?? metadata.source,
      published: overrides.published ?? metadata.published,
      url: overrides.url ?? metadata.url,
      tags: overrides.tags ?? [],
      language: metadata.language,
    },
    blocks,
  );
  const { knowledge } = await loadKnowledge(options.knowledgeDir);
  const duplicate = findDuplicate(knowledge, article);
  if (duplicate) {
    const why = {
      url: "has the same link",
      text: "has the same paragraphs",
      file: "has the same file name",
    }[duplicate.reason];
    throw new ImportError(
      `already in the knowledge: ${duplicate.file} ${why}; nothing was added (remove that one first to replace it)`,
    );
  }
  return article;
}

async function read(
  source: ImportSource,
  overrides: ArticleOverrides,
  options: FetchOptions,
): Promise<{ metadata: PageMetadata; blocks: readonly ArticleBlock[] }> {
  if (source.kind === "url") {
    const page = await fetchPage(source.url, options);
    const text = decodePage(page.bytes, page.contentType);
    return /^text\/plain\b/i.test(page.contentType)
      ? readPlainText(text, overrides, { ...NO_METADATA, url: page.url })
      : extractArticle(text, page.url);
  }
  if (!IMPORTABLE_FILE.test(source.name)) {
    throw new ImportError(
      `${path.basename(source.name)} is not a page or an article; import a saved page (.html), Markdown (.md) or text (.txt)`,
    );
  }
  const maxBytes = options.limits?.maxBytes ?? FETCH_LIMITS.maxBytes;
  if (source.bytes.length > maxBytes) {
    throw new ImportError(
      `${path.basename(source.name)} is ${(source.bytes.length / 1024 / 1024).toFixed(1)} MiB, over the ${maxBytes / 1024 / 1024} MiB limit; save the article alone`,
    );
  }
  const text = decodePage(source.bytes);
  if (/\.x?html?$/i.test(source.name)) return extractArticle(text, undefined);
  if (/\.(md|markdown)$/i.test(source.name) && /^\uFEFF?---\s*$/m.test(text.split("\n")[0] ?? "")) {
    return readMarkdown(source.name, text);
  }
  return readPlainText(text, overrides, NO_METADATA);
}

/** A Markdown article with front matter: its fields and paragraphs as the loader reads them. */
function readMarkdown(
  name: string,
  text: string,
): { metadata: PageMetadata; blocks: ArticleBlock[] } {
  const parsed = parseArticle(path.basename(name), text);
  const errors = parsed.issues.filter((issue) => issue.severity === "error");
  if (!parsed.document || errors.length > 0) {
    throw new ImportError(
      errors.map((issue) => ({
        message: `${path.basename(name)}${issue.line ? `:${issue.line}` : ""}: ${issue.message}`,
      })),
    );
  }
  const { document } = parsed;
  return {
    metadata: {
      title: document.title,
      source: document.source,
      published: document.published || undefined,
      url: document.url,
      language: document.language,
    },
    blocks: blocksOfParagraphs(parsed.paragraphs),
  };
}

/**
 * Plain text: paragraphs are separated by blank lines (or are single lines, in a text without
 * blank lines). Without a given title, a first line that does not end like a sentence is the title.
 */
function readPlainText(
  text: string,
  overrides: ArticleOverrides,
  metadata: PageMetadata,
): { metadata: PageMetadata; blocks: ArticleBlock[] } {
  const body = text.replace(/^\uFEFF/, "").trim();
  // Paragraphs are separated by blank lines; a text with none has one paragraph per line.
  const separator = /\r?\n\s*\r?\n/.test(body) ? /\r?\n\s*\r?\n/ : /\r?\n/;
  const paragraphs = body
    .split(separator)
    .map((block) => block.replace(/\s+/g, " ").replace(CRAWL_HEADER, "").trim())
    .filter((block) => block !== "");
  // The first line that reads like a headline: not site furniture, not a sentence.
  const titleAt =
    overrides.title === undefined
      ? paragraphs.findIndex(
          (line, index) =>
            index < MAX_LINES_BEFORE_TITLE &&
            line.length <= 200 &&
            line.split(" ").length >= 3 &&
            !isFurnitureText(line) &&
            !endsLikeSentence(line),
        )
      : -1;
  return {
    metadata: { ...metadata, title: paragraphs[titleAt] },
    blocks: paragraphs
      .filter((_, index) => index !== titleAt)
      .map((paragraph) => ({ kind: "paragraph", text: paragraph })),
  };
}
