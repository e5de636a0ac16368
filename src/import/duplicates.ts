import type { KnowledgeBase } from "../knowledge/types.ts";

/** Half of an article's paragraphs found word for word in one document: the same article. */
const SAME_TEXT_SHARE = 0.5;

export interface Duplicate {
  readonly documentId: string;
  readonly file: string;
  readonly reason: "url" | "text" | "file";
}

/** The document already in the knowledge that this article repeats, if any. */
export function findDuplicate(
  knowledge: KnowledgeBase,
  article: {
    readonly fileName: string;
    readonly url: string;
    readonly paragraphs: readonly { text: string }[];
  },
): Duplicate | undefined {
  const url = comparableUrl(article.url);
  const byUrl = knowledge.documents.find(
    (document) => document.url !== undefined && comparableUrl(document.url) === url,
  );
  if (byUrl) return { documentId: byUrl.id, file: byUrl.file, reason: "url" };

  const wanted = new Set(article.paragraphs.map((paragraph) => comparableText(paragraph.text)));
  const shared = new Map<string, number>();
  for (const passage of knowledge.passages) {
    if (wanted.has(comparableText(passage.text))) {
      shared.set(passage.documentId, (shared.get(passage.documentId) ?? 0) + 1);
    }
  }
  for (const [documentId, count] of shared) {
    if (count >= Math.max(1, wanted.size * SAME_TEXT_SHARE)) {
      const document = knowledge.documents.find((candidate) => candidate.id === documentId);
      return { documentId, file: document?.file ?? documentId, reason: "text" };
    }
  }
  const byFile = knowledge.documents.find((document) => document.file === article.fileName);
  return byFile ? { documentId: byFile.id, file: byFile.file, reason: "file" } : undefined;
}

/** The same page whatever the scheme, `www.`, trailing slash, fragment or tracking parameters. */
export function comparableUrl(text: string): string {
  try {
    const url = new URL(text);
    for (const key of [...url.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|ref$|cmpid$)/i.test(key)) url.searchParams.delete(key);
    }
    const host = url.hostname.toLowerCase().replace(/^www\./, "");
    const path = url.pathname.replace(/\/+$/, "");
    return `${host}${path}${url.search}`;
  } catch {
    return text.trim();
  }
}

function comparableText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
