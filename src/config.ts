import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The knowledge folder shipped with the project, whatever the working directory. */
export const SHIPPED_KNOWLEDGE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "knowledge",
);

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const engineConfigSchema = z.object({
  KNOWLEDGE_DIR: z.preprocess(emptyAsUndefined, z.string().default(SHIPPED_KNOWLEDGE_DIR)),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
});

export interface EngineConfig {
  readonly knowledgeDir: string;
  readonly logLevel: LogLevel;
}

/** A configuration problem, reported by variable name with what is allowed. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Configuration problem${problems.length > 1 ? "s" : ""}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nSee .env.example for every variable and what it takes.`,
    );
    this.name = "ConfigError";
  }
}

export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`,
      ),
    );
  }
  return result.data;
}

export function loadEngineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const parsed = parseEnv(engineConfigSchema, env);
  return { knowledgeDir: path.resolve(parsed.KNOWLEDGE_DIR), logLevel: parsed.LOG_LEVEL };
}

/** Reads `.env` from the working directory into process.env, without overriding what is set. */
export async function loadDotEnv(): Promise<void> {
  const dotenv = await import("dotenv");
  dotenv.config({ quiet: true });
}
