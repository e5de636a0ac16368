import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeKnowledgeDir, PROJECT_ROOT } from "./knowledge.ts";

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the CLIs run by tests keep their data (the playground's feedback), never ./data. */
const TEST_DATA_DIR = mkdtempSync(path.join(tmpdir(), "dispute-bot-cli-data-"));
process.on("exit", () => rmSync(TEST_DATA_DIR, { recursive: true, force: true }));

/** Runs one of the project's CLIs as a user would, through tsx, and collects its output. */
export function runCli(
  script: string,
  args: readonly string[],
  { input, env }: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(PROJECT_ROOT, script), ...args],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NO_COLOR: "1", DATA_DIR: TEST_DATA_DIR, ...env },
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** `npm run check-knowledge` on a copy of the v1 knowledge with `files` written over it. */
export async function checkKnowledgeWith(files: Record<string, string>): Promise<Finished> {
  const { dir, cleanup } = await makeKnowledgeDir(files);
  try {
    return await runCli("src/cli/check-knowledge.ts", ["--knowledge", dir]);
  } finally {
    await cleanup();
  }
}

/**
 * Runs the playground with each line said in turn, as `--say` does; `replies[i]` is what the
 * bot printed after the i-th line.
 */
export async function sayInPlayground(
  lines: readonly string[],
): Promise<Finished & { readonly replies: string[] }> {
  const finished = await runCli(
    "src/playground/main.ts",
    lines.flatMap((line) => ["--say", line]),
  );
  return { ...finished, replies: finished.stdout.split(/^you> .*$/m).slice(1) };
}

export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
}

/** Runs `npm start`'s entry point (src/discord/main.ts) as its own process with the given settings. */
export function startBotProcess(env: NodeJS.ProcessEnv): BotProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "src/discord/main.ts")],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: TEST_DATA_DIR, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const chunks: string[] = [];
  child.stdout?.on("data", (chunk) => chunks.push(String(chunk)));
  child.stderr?.on("data", (chunk) => chunks.push(String(chunk)));
  return { child, output: () => chunks.join("") };
}
