import { Readability } from "@mozilla/readability";
import { FURNITURE_NAME, NEVER_ARTICLE_SELECTOR } from "./boilerplate.ts";
import { type DomDocument, type DomElement, parseDocument, textOf } from "./dom.ts";
import { ImportError } from "./errors.ts";
import { type PageMetadata, readMetadata } from "./metadata.ts";

/** A block of the article as read from the page: a heading, or one of its paragraphs. */
export type ArticleBlock =
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string };

export interface ExtractedPage {
  readonly metadata: PageMetadata;
  readonly blocks: readonly ArticleBlock[];
}

/** Furniture that holds more than this share of the page's text is the page, not furniture. */
const MAX_FURNITURE_SHARE = 0.4;
/** A paragraph that is mostly link text is a list of links ("Related: …"), not the article's words. */
const MAX_LINK_SHARE = 0.6;

/** The article on an HTML page: its metadata and its own paragraphs, in order. */
export function extractArticle(html: string, pageUrl: string | undefined): ExtractedPage {
  const document = parseDocument(html);
  const metadata = readMetadata(document, pageUrl);
  removeFurniture(document);
  const content = new Readability<DomElement>(document as never, {
    serializer: (node) => node as unknown as DomElement,
    disableJSONLD: true,
  }).parse()?.content;
  const blocks = content ? blocksOf(content) : [];
  if (!blocks.some((block) => block.kind === "paragraph")) {
    throw new ImportError(
      "no article text was found on the page: it looks like an index, a list of links or a page that needs scripts; give the address of the article itself, or save its text as a .txt file",
    );
  }
  return { metadata, blocks };
}

function removeFurniture(document: DomDocument): void {
  for (const element of [...document.querySelectorAll(NEVER_ARTICLE_SELECTOR)]) element.remove();
  const pageLength = textOf(document.querySelector("body")).length || 1;
  for (const element of [...document.querySelectorAll("[class], [id]")]) {
    if (/^(html|body|main|article)$/i.test(element.tagName)) continue;
    const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    if (!FURNITURE_NAME.test(names)) continue;
    if (textOf(element).length / pageLength < MAX_FURNITURE_SHARE) element.remove();
  }
}

function blocksOf(content: DomElement): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  for (const element of content.querySelectorAll("h2, h3, h4, p, li")) {
    const tag = element.tagName.toLowerCase();
    const text = textOf(element);
    if (text === "") continue;
    if (tag.startsWith("h")) {
      blocks.push({ kind: "heading", text });
      continue;
    }
    // A paragraph inside a list item is taken as the paragraph, not twice.
    if (tag === "li" && element.querySelector("p")) continue;
    if (tag === "p" && element.parentElement?.closest("p")) continue;
    if (linkShare(element, text) > MAX_LINK_SHARE) continue;
    blocks.push({ kind: "paragraph", text });
  }
  return blocks;
}

function linkShare(element: DomElement, text: string): number {
  let linked = 0;
  for (const link of element.querySelectorAll("a")) linked += textOf(link).length;
  return linked / text.length;
}
