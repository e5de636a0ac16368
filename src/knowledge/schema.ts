import { z } from "zod";

const isoDate = z.unknown().transform((value, ctx): string | undefined => {
  if (value === null || value === undefined || value === "") return undefined;
  // A date-time ("2019-08-22T10:30:00+09:00") is dated by its day.
  const text =
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value)
          .trim()
          .replace(/^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}.*$/, "$1");
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not a date; write it as YYYY-MM-DD` });
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

export const frontMatterSchema = z.strictObject(
  {
    title: nonEmpty("title"),
    source: nonEmpty("source"),
    url: z.url({
      protocol: /^https?$/,
      error: (issue) =>
        issue.input === undefined
          ? "url is required; add the article's link"
          : "url must be an http(s) link to the article",
    }),
    /** Missing: the article loads undated, with a warning. */
    published: isoDate.optional(),
    tags: z.array(nonEmpty("a tag")).default([]),
    kind: z
      .enum(["article", "fact-sheet"], {
        error: "kind is article (a news source's words) or fact-sheet (the project's own words)",
      })
      .default("article"),
    references: z
      .array(z.url({ protocol: /^https?$/, error: "each reference must be an http(s) link" }))
      .default([]),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'language must be a code such as "en"' })
      .default("en"),
  },
  {
    error:
      "front matter must be a mapping of title, source, url, published, tags, kind, references, language",
  },
);
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
