import type { LogLevel } from "./config.ts";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * One JSON object per line on stderr. Every secret handed in is replaced wherever it appears,
 * so a token that slips into an error message never reaches a log.
 */
export function createLogger(
  level: LogLevel,
  secrets: readonly string[] = [],
  write: (line: string) => void = (line) => {
    process.stderr.write(line);
  },
): Logger {
  const hidden = secrets.filter((secret) => secret.length >= 8);
  const redact = (text: string) =>
    hidden.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  const log = (at: Exclude<LogLevel, "silent">, message: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return;
    const entry = { time: new Date().toISOString(), level: at, message, ...fields };
    write(
      `${redact(JSON.stringify(entry, (_key, value) => (value instanceof Error ? { name: value.name, message: value.message } : value)))}\n`,
    );
  };
  return {
    debug: (message, fields) => log("debug", message, fields),
    info: (message, fields) => log("info", message, fields),
    warn: (message, fields) => log("warn", message, fields),
    error: (message, fields) => log("error", message, fields),
  };
}

/**
 * Logs a promise rejection nobody handled instead of letting Node end the process: one failed
 * reply must not take the bot offline for every server. Returns a function that stops it.
 */
export function logUnhandledRejections(logger: Logger): () => void {
  const onRejection = (reason: unknown) => logger.error("unhandled rejection", { error: reason });
  process.on("unhandledRejection", onRejection);
  return () => process.off("unhandledRejection", onRejection);
}
