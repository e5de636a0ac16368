import { stringify } from "yaml";
import { endsLikeSentence, type ParsedParagraph, parseArticle } from "../knowledge/parse.ts";
import { frontMatterSchema } from "../knowledge/schema.ts";
import { isCutShort, isFurnitureText } from "./boilerplate.ts";
import { type ArticleField, ImportError, type ImportProblem } from "./errors.ts";
import type { ArticleBlock } from "./extract.ts";

/** What the admin gives on the command line or in Discord; it wins over what the page says. */
export interface ArticleOverrides {
  readonly title?: string | undefined;
  readonly source?: string | undefined;
  readonly published?: string | undefined;
  readonly url?: string | undefined;
  readonly tags?: readonly string[] | undefined;
}

export interface ArticleFields {
  readonly title: string | undefined;
  readonly source: string | undefined;
  readonly published: string | undefined;
  readonly url: string | undefined;
  readonly tags: readonly string[];
  readonly language: string | undefined;
}

export interface ArticleFile {
  /** The file name in the knowledge folder: outlet, date and title as a slug. */
  readonly fileName: string;
  readonly markdown: string;
  readonly title: string;
  readonly source: string;
  readonly published: string;
  readonly url: string;
  /** The paragraphs the bot will quote, exactly as the loader reads them from `markdown`. */
  readonly paragraphs: readonly ParsedParagraph[];
}

const WHAT_IS_MISSING: Record<Exclude<ArticleField, "tags">, string> = {
  title: "the page has no title (og:title, headline or <h1>)",
  source: "the page does not name its outlet (og:site_name or JSON-LD publisher)",
  published:
    "the page gives no publication date (article:published_time, JSON-LD datePublished or <time datetime>)",
  url: "there is no link to the article (canonical URL or og:url)",
};

/**
 * The knowledge file for an article: front matter plus its paragraphs, kept only as far as the
 * loader itself would quote them, so the preview shows exactly what the bot will say.
 */
export function buildArticleFile(
  fields: ArticleFields,
  blocks: readonly ArticleBlock[],
): ArticleFile {
  const problems: ImportProblem[] = [];
  for (const field of ["title", "source", "published", "url"] as const) {
    if (!fields[field]) problems.push({ field, message: WHAT_IS_MISSING[field] });
  }
  const frontMatter = frontMatterSchema.safeParse({
    title: fields.title,
    source: fields.source,
    url: fields.url,
    published: fields.published,
    tags: fields.tags,
    language: fields.language ?? "en",
  });
  if (!frontMatter.success) {
    for (const issue of frontMatter.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && fields[field as ArticleField] === undefined) continue;
      problems.push({
        message: `${String(field ?? "front matter")}: ${issue.message}`,
        ...(isField(field) ? { field } : {}),
      });
    }
  }
  if (problems.length > 0 || !frontMatter.success) throw new ImportError(problems);
  const meta = frontMatter.data;
  // The schema lets only a fact sheet go without a link, and an import is never one.
  const url = meta.url ?? "";
  const published = meta.published ?? "";
  const fileName = `${slugOf(meta.source, 30) || "source"}-${published}-${slugOf(meta.title, 60) || "article"}.md`;
  const header = stringify(
    {
      title: meta.title,
      source: meta.source,
      url,
      published,
      ...(meta.tags.length > 0 ? { tags: meta.tags } : {}),
      language: meta.language,
    },
    { lineWidth: 0 },
  );
  const draft = `---\n${header}---\n\n${bodyOf(articleBlocks(blocks, meta.title))}`;
  // The loader's filters (datelines, credits, a sentence cut off at the end) apply to the draft;
  // the file keeps what they keep, so every paragraph in it is one the bot quotes.
  const parsed = parseArticle(fileName, draft);
  const errors = parsed.issues.filter((issue) => issue.severity === "error");
  if (parsed.paragraphs.length === 0) {
    throw new ImportError(
      "no paragraph is left to quote once headlines, captions, bylines, links and prompts are set aside; is this the article's page?",
    );
  }
  if (errors.length > 0) throw new ImportError(errors.map((issue) => ({ message: issue.message })));
  const body = bodyOf(blocksOfParagraphs(parsed.paragraphs));
  const markdown = `---\n${header}---\n\n${body}`;
  return {
    fileName,
    markdown,
    title: meta.title,
    source: meta.source,
    published,
    url,
    paragraphs: parseArticle(fileName, markdown).paragraphs,
  };
}

/** Parsed paragraphs back into blocks, each heading once before the paragraphs under it. */
export function blocksOfParagraphs(paragraphs: readonly ParsedParagraph[]): ArticleBlock[] {
  return paragraphs.flatMap((paragraph, index): ArticleBlock[] =>
    paragraph.heading !== undefined && paragraph.heading !== paragraphs[index - 1]?.heading
      ? [
          { kind: "heading", text: paragraph.heading },
          { kind: "paragraph", text: paragraph.text },
        ]
      : [{ kind: "paragraph", text: paragraph.text }],
  );
}

function isField(value: unknown): value is ArticleField {
  return (
    typeof value === "string" && ["title", "source", "published", "url", "tags"].includes(value)
  );
}

function bodyOf(blocks: readonly ArticleBlock[]): string {
  return `${blocks
    .map((block) => (block.kind === "heading" ? `## ${block.text}` : block.text))
    .join("\n\n")}\n`;
}

/**
 * The blocks that are the article's own words: without site furniture, lines that do not end like
 * a sentence, a repeat of the title or of the paragraph before, and a paragraph cut short at the end.
 */
function articleBlocks(blocks: readonly ArticleBlock[], title: string): ArticleBlock[] {
  const kept: ArticleBlock[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      if (isFurnitureText(block.text) || !endsLikeSentence(block.text)) continue;
      const previous = kept.at(-1);
      if (
        block.text === title ||
        (previous?.kind === "paragraph" && previous.text === block.text)
      ) {
        continue;
      }
    }
    kept.push(block);
  }
  const last = kept.findLastIndex((block) => block.kind === "paragraph");
  const block = kept[last];
  return block && isCutShort(block.text) ? kept.slice(0, last) : kept;
}

/** "Tokyo tightens chip rules!" → "tokyo-tightens-chip-rules", cut at a word within `max`. */
export function slugOf(text: string, max: number): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, "");
}
