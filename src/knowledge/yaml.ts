import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

export interface LocatedProblem {
  readonly line: number | undefined;
  readonly message: string;
}

export type Validated<T> =
  | {
      readonly ok: true;
      readonly value: T;
      readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
    }
  | { readonly ok: false; readonly problems: readonly LocatedProblem[] };

/** "title: Nippon Steel : to appeal": an unquoted value with ": " in it, which YAML cannot read. */
const UNQUOTED_COLON_VALUE = /^\s*([\w-]+):\s+([^\s"'[{|>#].*?:\s.*?)(?:\s+#.*)?\s*$/u;

/**
 * What to write instead of a line whose unquoted value holds ": ": the value in quotes, single
 * ones (which keep a backslash as it is) when it has a backslash or a double quote.
 */
function quotedValueFix(line: string): string | undefined {
  const match = UNQUOTED_COLON_VALUE.exec(line);
  if (!match) return undefined;
  const [, key = "", value = ""] = match;
  const quoted = /[\\"]/u.test(value) ? `'${value.replaceAll("'", "''")}'` : `"${value}"`;
  return `the value of "${key}" holds a colon and a space, which YAML reads as a new key; put the value in quotes: ${key}: ${quoted}`;
}

/**
 * Parses YAML (or JSON, which YAML reads too) and validates it with a zod schema.
 * Every problem carries the line it applies to; `firstLine` is the file line of the text's line 1.
 */
export function parseAndValidate<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  firstLine = 1,
): Validated<z.infer<Schema>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (document.errors.length > 0) {
    const lines = text.split(/\r?\n/);
    const problems: LocatedProblem[] = [];
    for (const error of document.errors) {
      const at = toLine(error.pos[0]);
      const quoted =
        error.code === "BLOCK_AS_IMPLICIT_KEY"
          ? quotedValueFix(lines[at - firstLine] ?? "")
          : undefined;
      const message =
        quoted ??
        `this is not valid YAML (${error.message.split("\n")[0]}); check indentation, colons and quotes`;
      if (!problems.some((problem) => problem.line === at && problem.message === message)) {
        problems.push({ line: at, message });
      }
    }
    return { ok: false, problems };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return toLine(node.range[0]);
    }
    return document.contents?.range ? toLine(document.contents.range[0]) : firstLine;
  };
  const result = schema.safeParse(document.toJS());
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        line: lineOf(issue.path),
        message: describeZodIssue(issue),
      })),
    };
  }
  return { ok: true, value: result.data, lineOf };
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
  if (issue.code === "unrecognized_keys") {
    return `${where}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}; remove or rename ${issue.keys.length > 1 ? "them" : "it"}`;
  }
  if (issue.code === "invalid_key") {
    return `${where}${issue.issues[0]?.message ?? issue.message}`;
  }
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
    return `${where}this field is required`;
  }
  return `${where}${issue.message}`;
}
