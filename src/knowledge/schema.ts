import { z } from "zod";

/** A date-time ("2019-08-22T10:30:00+09:00") is dated by its day; a YAML date is read as written. */
function dateText(value: unknown): string {
  return value instanceof Date
    ? value.toISOString().slice(0, 10)
    : String(value)
        .trim()
        .replace(/^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}.*$/, "$1");
}

function isRealDate(text: string): boolean {
  const day = /^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** Today in UTC, YYYY-MM-DD: a report or an event dated after it has not happened yet. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const isoDate = z.unknown().transform((value, ctx): string | undefined => {
  if (value === null || value === undefined || value === "") return undefined;
  const text = dateText(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isRealDate(text)) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not a date; write it as YYYY-MM-DD` });
    return z.NEVER;
  }
  return text;
});

/** A required date that is not in the future; `monthOnly` also takes YYYY-MM. */
const pastDate = (what: string, { monthOnly = false } = {}) =>
  z.unknown().transform((value, ctx): string => {
    const shape = monthOnly ? "YYYY-MM-DD, or YYYY-MM when only the month is known" : "YYYY-MM-DD";
    if (value === null || value === undefined || value === "") {
      ctx.addIssue({ code: "custom", message: `${what} is required; add it as ${shape}` });
      return z.NEVER;
    }
    const text = dateText(value);
    const pattern = monthOnly ? /^\d{4}-\d{2}(-\d{2})?$/ : /^\d{4}-\d{2}-\d{2}$/;
    if (!pattern.test(text) || !isRealDate(text)) {
      ctx.addIssue({
        code: "custom",
        message: `${what} "${text}" is not a date; write it as ${shape}`,
      });
      return z.NEVER;
    }
    if (text > today()) {
      ctx.addIssue({
        code: "custom",
        message: `${what} ${text} is in the future; correct the date (only what has happened belongs here)`,
      });
      return z.NEVER;
    }
    return text;
  });

const nonEmpty = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${what} is required; add it` : `${what} must be text`,
    })
    .trim()
    .min(1, { error: `${what} must not be empty` });

const httpUrl = (what: string) =>
  z.url({
    protocol: /^https?$/,
    error: (issue) =>
      issue.input === undefined
        ? `${what} is required; add the link`
        : `${what} must be an http(s) link`,
  });

/** One public report: every field required. */
export const referenceSchema = z.strictObject(
  {
    outlet: nonEmpty("outlet"),
    title: nonEmpty("title"),
    published: pastDate("published"),
    url: httpUrl("url"),
  },
  { error: "a reference is a mapping of outlet, title, published (YYYY-MM-DD) and url" },
);

/** Lowercase letters, digits and hyphens, by convention outlet-YYYY-MM-DD(-n). */
export const referenceIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: "a reference id is lowercase letters, digits and hyphens, e.g. yna-2019-09-30",
});

export const frontMatterSchema = z
  .strictObject(
    {
      title: nonEmpty("title"),
      source: nonEmpty("source"),
      /** Required for an article; a fact sheet has no page of its own. */
      url: z
        .url({
          protocol: /^https?$/,
          error: "url must be an http(s) link to the article",
        })
        .optional(),
      /** Missing: the article loads undated, with a warning. */
      published: isoDate.optional(),
      tags: z.array(nonEmpty("a tag")).default([]),
      kind: z
        .enum(["article", "fact-sheet"], {
          error: "kind is article (a news source's words) or fact-sheet (the project's own words)",
        })
        .default("article"),
      /** id → the report; a paragraph cites it with `[^id]` at its end. */
      references: z
        .record(referenceIdSchema, referenceSchema, {
          error: (issue) =>
            issue.code === "invalid_type"
              ? "references is a mapping of id → { outlet, title, published, url }; see knowledge/fact-sheets"
              : undefined,
        })
        .default({}),
      language: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'language must be a code such as "en"' })
        .default("en"),
    },
    {
      error:
        "front matter must be a mapping of title, source, url, published, tags, kind, references, language",
    },
  )
  .superRefine((meta, ctx) => {
    if (meta.kind === "article" && meta.url === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message: "url is required; add the article's link (only a kind: fact-sheet may go without)",
      });
    }
  });
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Discord's rules for a chat-input command name. */
export const commandNameSchema = z
  .string()
  .regex(/^[-_\p{L}\p{N}]{1,32}$/u, {
    error: "a command name is 1–32 letters, digits, - or _, with no spaces",
  })
  .refine((name) => name === name.toLowerCase(), { error: "a command name must be lowercase" });

export const topicSchema = z.strictObject({
  name: commandNameSchema,
  description: z
    .string()
    .trim()
    .min(1, { error: "description must not be empty" })
    .max(100, { error: "description must be at most 100 characters (Discord's limit)" }),
  question: nonEmpty("question"),
  pin: z
    .strictObject({
      document: nonEmpty("pin.document"),
      contains: nonEmpty("pin.contains"),
    })
    .optional(),
});
export const topicsFileSchema = z.array(topicSchema, {
  error: "the topics file must be a list of topics (name, description, question, pin)",
});

export const glossaryEntrySchema = z.strictObject({
  terms: z
    .array(nonEmpty("a term"), { error: "terms must be a list of words or phrases" })
    .min(2, { error: "an entry needs at least two terms that mean the same thing" }),
});
export const glossaryFileSchema = z.array(glossaryEntrySchema, {
  error: "the glossary must be a list of entries, each with terms: [...]",
});

export const timelineEventSchema = z.strictObject(
  {
    date: pastDate("date", { monthOnly: true }),
    event: nonEmpty("event"),
    references: z
      .array(referenceSchema, {
        error: (issue) =>
          issue.input === undefined
            ? "references is required: list at least one report (outlet, title, published, url)"
            : "references must be a list of reports (outlet, title, published, url)",
      })
      .min(1, { error: "an event needs at least one reference (outlet, title, published, url)" }),
  },
  { error: "an event is a mapping of date, event and references" },
);
export const timelineFileSchema = z.array(timelineEventSchema, {
  error: "the timeline must be a list of events, each with date, event and references",
});
