import { z } from "zod";
import type { ArticleOverrides } from "./article.ts";

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .optional();

/** What an admin may give for an import, from the command line or Discord's options, checked once. */
export const overridesSchema = z.object({
  title: text("the title"),
  source: text("the source (the outlet's name)"),
  published: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "the date must be written YYYY-MM-DD, e.g. 2019-08-22" })
    .optional(),
  url: z.url({ protocol: /^https?$/, error: "the link must be a full http(s) address" }).optional(),
  tags: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : value
            .split(",")
            .map((tag) => tag.trim())
            .filter((tag) => tag !== ""),
    ),
});

export type OverridesInput = z.input<typeof overridesSchema>;

export function parseOverrides(
  input: OverridesInput,
): { ok: true; value: ArticleOverrides } | { ok: false; problems: string[] } {
  const result = overridesSchema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : {
        ok: false,
        problems: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      };
}
