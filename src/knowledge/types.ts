/** One article in the knowledge folder. */
export interface KnowledgeDocument {
  /** Path inside the knowledge folder without extension, e.g. `dw-2019-08-22-gsomia`. */
  readonly id: string;
  /** Path inside the knowledge folder, as written, e.g. `dw-2019-08-22-gsomia.md`. */
  readonly file: string;
  readonly title: string;
  readonly source: string;
  readonly url: string | undefined;
  /** ISO date, YYYY-MM-DD. */
  readonly published: string;
  readonly tags: readonly string[];
  /** `fact-sheet`: written by this project from the public `references`, not a news source's words. */
  readonly kind: "article" | "fact-sheet";
  readonly references: readonly string[];
  readonly language: string;
}

/** One quotable paragraph, verbatim. */
export interface Passage {
  /** Index in `KnowledgeBase.passages`. */
  readonly index: number;
  readonly documentId: string;
  /** 1-based position among the passages of its document. */
  readonly paragraph: number;
  /** 1-based line of the file where the paragraph starts. */
  readonly line: number;
  /** The heading the paragraph sits under, if any: context, never quoted as the answer. */
  readonly heading: string | undefined;
  readonly text: string;
}

export interface TopicPin {
  readonly document: string;
  readonly contains: string;
}

export interface Topic {
  /** Slash-command name, e.g. `why-gsomia`. */
  readonly name: string;
  readonly description: string;
  readonly question: string;
  readonly pin: TopicPin | undefined;
}

/** Words users type for one thing; the first term names the group. */
export interface GlossaryEntry {
  readonly terms: readonly string[];
}

export interface KnowledgeIssue {
  readonly severity: "error" | "warning";
  /** Path inside the knowledge folder. */
  readonly file: string;
  readonly line: number | undefined;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** An immutable snapshot of the knowledge folder. */
export interface KnowledgeBase {
  readonly directory: string;
  readonly documents: readonly KnowledgeDocument[];
  readonly passages: readonly Passage[];
  readonly topics: readonly Topic[];
  readonly glossary: readonly GlossaryEntry[];
}

export function formatIssue(issue: KnowledgeIssue): string {
  const place = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${place}: ${issue.severity}: ${issue.message}`;
}
