/** A field of the article that the admin can give when the page does not say it. */
export type ArticleField = "title" | "source" | "published" | "url" | "tags";

export interface ImportProblem {
  /** What was wrong and how to fix it. */
  readonly message: string;
  /** Set when the fix is to give this field (a CLI flag, a Discord option). */
  readonly field?: ArticleField;
}

/** Why an import was refused: every problem found, so one more try can fix them all. */
export class ImportError extends Error {
  readonly problems: readonly ImportProblem[];

  constructor(problems: string | readonly ImportProblem[]) {
    const list = typeof problems === "string" ? [{ message: problems }] : problems;
    super(list.map((problem) => problem.message).join("; "));
    this.name = "ImportError";
    this.problems = list;
  }
}
