/** A public report a fact-sheet paragraph or a timeline event rests on. */
export interface Reference {
  /** The id its paragraphs cite it by (`[^id]`); for a timeline event, its position, e.g. `1`. */
  readonly id: string;
  readonly outlet: string;
  readonly title: string;
  /** The date of that report, YYYY-MM-DD: not the date of the sheet that cites it. */
  readonly published: string;
  readonly url: string;
}

/** One article in the knowledge folder. */
export interface KnowledgeDocument {
  /** Path inside the knowledge folder without extension, e.g. `dw-2019-08-22-gsomia`. */
  readonly id: string;
  /** Path inside the knowledge folder, as written, e.g. `dw-2019-08-22-gsomia.md`. */
  readonly file: string;
  readonly title: string;
  readonly source: string;
  readonly url: string | undefined;
  /** ISO date, YYYY-MM-DD; for a fact sheet, the day it was written (shown only by /sources). */
  readonly published: string;
  readonly tags: readonly string[];
  /** `fact-sheet`: written by this project from the public `references`, not a news source's words. */
  readonly kind: "article" | "fact-sheet";
  /** The reports its paragraphs cite, in the order of the front matter. */
  readonly references: readonly Reference[];
  readonly language: string;
  /**
   * The place a wire story's dateline names ("Chengdu, China" of "CHENGDU, China, Dec. 24 (Yonhap)
   * --"): not quoted, but where the story happened, so a question may name it.
   */
  readonly dateline: string | undefined;
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
  /** The paragraph's words, without its `[^id]` markers. */
  readonly text: string;
  /** The reports the paragraph rests on, in the order of its markers; empty for a news article's own words. */
  readonly references: readonly Reference[];
}

export interface TopicPin {
  readonly document: string;
  readonly contains: string;
}

export interface Topic {
  /** Slash-command name, e.g. `why-gsomia`. */
  readonly name: string;
  /** 1-based line of the topics file where the topic starts. */
  readonly line: number;
  readonly description: string;
  readonly question: string;
  readonly pin: TopicPin | undefined;
}

/** One dated event of knowledge/timeline.yaml, in the project's own words. */
export interface TimelineEvent {
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  readonly date: string;
  readonly event: string;
  /** At least one. */
  readonly references: readonly Reference[];
  /** 1-based line of the timeline file where the event starts. */
  readonly line: number;
}

/** Words users type for one thing; the first term names the group. */
export interface GlossaryEntry {
  readonly terms: readonly string[];
  /** Where the entry was read, for messages: its file and each term's line (none when made in code). */
  readonly source?: { readonly file: string; readonly lines: readonly (number | undefined)[] };
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
  /**
   * Words of the articles with their Korean and Japanese equivalents (vocabulary.yaml): searched
   * like the glossary, never offered as a subject ("What is minister?").
   */
  readonly vocabulary: readonly GlossaryEntry[];
  /** Sorted by date; empty without a timeline file. */
  readonly timeline: readonly TimelineEvent[];
}

/** What the search matches as one concept: the glossary's entries, then the vocabulary's. */
export function searchTerms(knowledge: KnowledgeBase): readonly GlossaryEntry[] {
  return [...knowledge.glossary, ...knowledge.vocabulary];
}

export function formatIssue(issue: KnowledgeIssue): string {
  const place = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${place}: ${issue.severity}: ${issue.message}`;
}
