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

const booleanFlag = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
    .default("false"),
);
const isTrue = (flag: string) => ["true", "1", "yes"].includes(flag);

export const engineConfigSchema = z.object({
  KNOWLEDGE_DIR: z.preprocess(emptyAsUndefined, z.string().default(SHIPPED_KNOWLEDGE_DIR)),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  /** Let imports read loopback and private addresses: for tests and intranets only. */
  IMPORT_ALLOW_PRIVATE: booleanFlag,
});

/** Where the bot keeps what it writes (the feedback store), and for how long. */
export const feedbackConfigSchema = z.object({
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  FEEDBACK_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of days, e.g. 90" })
      .int({ error: "must be a whole number of days" })
      .min(1, { error: "must be at least 1 day" })
      .max(3650, { error: "must be at most 3650 days (ten years)" })
      .default(90),
  ),
});

export interface FeedbackConfig {
  /** The data folder (DATA_DIR), absolute; created when missing. */
  readonly dataDir: string;
  /** Feedback and unanswered questions older than this many days are deleted. */
  readonly feedbackRetentionDays: number;
}

export function loadFeedbackConfig(env: NodeJS.ProcessEnv = process.env): FeedbackConfig {
  const parsed = parseEnv(feedbackConfigSchema, env);
  return {
    dataDir: path.resolve(parsed.DATA_DIR),
    feedbackRetentionDays: parsed.FEEDBACK_RETENTION_DAYS,
  };
}

const SNOWFLAKE = /^\d{17,20}$/;
const snowflake = (name: string) =>
  z
    .string()
    .trim()
    .regex(SNOWFLAKE, {
      error: `${name} must be a Discord id: 17–20 digits (Developer Mode → Copy ID)`,
    });
const snowflakeList = (name: string) =>
  z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((part) => part.trim())
            .filter((part) => part !== "")
        : (value ?? []),
    z.array(snowflake(name)),
  );

export const botConfigSchema = engineConfigSchema.extend(feedbackConfigSchema.shape).extend({
  DISCORD_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string({
        error:
          "is not set: put the bot token from the Discord Developer Portal in .env (see .env.example); without Discord, try npm run ask",
      })
      .trim()
      .min(50, {
        error:
          "does not look like a bot token; copy it again from Developer Portal → Bot → Reset Token",
      }),
  ),
  DISCORD_CLIENT_ID: z.preprocess(emptyAsUndefined, snowflake("DISCORD_CLIENT_ID").optional()),
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake("DISCORD_GUILD_ID").optional()),
  DISCORD_API_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://discord.com/api",
      })
      .optional(),
  ),
  KNOWLEDGE_WATCH: booleanFlag,
  ADMIN_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake("ADMIN_GUILD_ID").optional()),
  ADMIN_ROLE_IDS: snowflakeList("ADMIN_ROLE_IDS"),
  ADMIN_USER_IDS: snowflakeList("ADMIN_USER_IDS"),
  HEALTH_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a TCP port, 1–65535 (unset: no health server)" })
      .int({ error: "must be a whole port number" })
      .min(1, { error: "must be a TCP port, 1–65535" })
      .max(65535, { error: "must be a TCP port, 1–65535" })
      .optional(),
  ),
  HEALTH_HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  SHARD_COUNT: z.preprocess(
    emptyAsUndefined,
    z
      .union([z.literal("auto"), z.coerce.number().int().min(1).max(1000)], {
        error: "must be auto or a whole number of shards from 1 to 1000",
      })
      .optional(),
  ),
  SHARD_IDS: z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() !== ""
        ? value.split(",").map((part) => (part.trim() === "" ? Number.NaN : Number(part.trim())))
        : undefined,
    z
      .array(
        z.number({ error: "must be shard numbers separated by commas, e.g. 0,1" }).int().min(0),
        {
          error: "must be shard numbers separated by commas, e.g. 0,1",
        },
      )
      .optional(),
  ),
  COOLDOWN_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of seconds, 0 to turn the cooldown off" })
      .min(0, { error: "must be 0 or more seconds" })
      .max(3600, { error: "must be at most 3600 seconds" })
      .default(3),
  ),
});

export interface BotConfig extends EngineConfig, FeedbackConfig {
  readonly token: string;
  readonly clientId: string | undefined;
  readonly guildId: string | undefined;
  readonly apiUrl: string | undefined;
  readonly knowledgeWatch: boolean;
  /** The operators' server: admin commands are registered there only, and its roles may operate. */
  readonly adminGuildId: string | undefined;
  /** Roles in adminGuildId whose members operate the bot. */
  readonly adminRoleIds: readonly string[];
  /** Users who operate the bot, besides the application's owners. */
  readonly adminUserIds: readonly string[];
  readonly cooldownSeconds: number;
  readonly healthPort: number | undefined;
  readonly healthHost: string;
  /** Unset: one process, one shard. A number or auto: that many shards. */
  readonly shardCount: number | "auto" | undefined;
  /** With shardCount: the shards this process runs (several hosts); unset: all, one process each. */
  readonly shardIds: readonly number[] | undefined;
}

export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const parsed = parseEnv(botConfigSchema, env);
  if (parsed.SHARD_IDS && typeof parsed.SHARD_COUNT !== "number") {
    throw new ConfigError([
      "SHARD_IDS: needs SHARD_COUNT set to the total number of shards across every host",
    ]);
  }
  if (parsed.ADMIN_ROLE_IDS.length > 0 && !parsed.ADMIN_GUILD_ID && !parsed.DISCORD_GUILD_ID) {
    throw new ConfigError([
      "ADMIN_ROLE_IDS: needs ADMIN_GUILD_ID, the id of the server those roles belong to",
    ]);
  }
  const outOfRange = parsed.SHARD_IDS?.find(
    (id) => typeof parsed.SHARD_COUNT === "number" && id >= parsed.SHARD_COUNT,
  );
  if (outOfRange !== undefined) {
    throw new ConfigError([
      `SHARD_IDS: shard ${outOfRange} does not exist when SHARD_COUNT is ${parsed.SHARD_COUNT}; shards are numbered from 0`,
    ]);
  }
  return {
    knowledgeDir: path.resolve(parsed.KNOWLEDGE_DIR),
    logLevel: parsed.LOG_LEVEL,
    token: parsed.DISCORD_TOKEN,
    clientId: parsed.DISCORD_CLIENT_ID,
    guildId: parsed.DISCORD_GUILD_ID,
    apiUrl: parsed.DISCORD_API_URL,
    importAllowPrivate: isTrue(parsed.IMPORT_ALLOW_PRIVATE),
    knowledgeWatch: isTrue(parsed.KNOWLEDGE_WATCH),
    adminGuildId: parsed.ADMIN_GUILD_ID ?? parsed.DISCORD_GUILD_ID,
    adminRoleIds: parsed.ADMIN_ROLE_IDS,
    adminUserIds: parsed.ADMIN_USER_IDS,
    cooldownSeconds: parsed.COOLDOWN_SECONDS,
    healthPort: parsed.HEALTH_PORT,
    healthHost: parsed.HEALTH_HOST,
    shardCount: parsed.SHARD_COUNT,
    shardIds: parsed.SHARD_IDS,
    dataDir: path.resolve(parsed.DATA_DIR),
    feedbackRetentionDays: parsed.FEEDBACK_RETENTION_DAYS,
  };
}

export interface EngineConfig {
  readonly knowledgeDir: string;
  readonly logLevel: LogLevel;
  /** The importer may read loopback, private and link-local addresses (IMPORT_ALLOW_PRIVATE). */
  readonly importAllowPrivate: boolean;
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
  return {
    knowledgeDir: path.resolve(parsed.KNOWLEDGE_DIR),
    logLevel: parsed.LOG_LEVEL,
    importAllowPrivate: isTrue(parsed.IMPORT_ALLOW_PRIVATE),
  };
}

/** Reads `.env` from the working directory into process.env, without overriding what is set. */
export async function loadDotEnv(): Promise<void> {
  const dotenv = await import("dotenv");
  dotenv.config({ quiet: true });
}
