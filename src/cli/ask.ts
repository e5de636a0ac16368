import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { type Answer, type AnswerEngine, loadEngine } from "../answer.ts";
import { ConfigError, loadDotEnv, loadEngineConfig } from "../config.ts";
import { formatIssue } from "../knowledge/types.ts";
import { askTimeline, type TimelineAnswer } from "../timeline.ts";
import {
  ANSI,
  answerToJson,
  formatAnswer,
  formatAnswerLine,
  formatTimeline,
  formatTimelineLine,
  PLAIN,
  timelineToJson,
} from "./format.ts";

const USAGE = `Usage: npm run ask -- [options] ["question" | /topic]

  npm run ask -- "Why did South Korea scrap GSOMIA?"
  npm run ask -- /why-gsomia
  npm run ask -- /timeline 2019             (a year, 2019-2020, 2019-08, or nothing for all of it)
  npm run ask -- --json < questions.txt     (one question per line, one result per line)

Options:
  --json              print JSON instead of text
  --knowledge DIR     read another knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)
  --top N             how many other passages to show, 0–10 (default 3)
  -h, --help          show this help`;

const optionsSchema = z.object({
  json: z.boolean().default(false),
  help: z.boolean().default(false),
  knowledge: z.string().min(1, { error: "--knowledge needs a folder" }).optional(),
  top: z.coerce
    .number({ error: "--top takes a whole number from 0 to 10" })
    .int({ error: "--top takes a whole number from 0 to 10" })
    .min(0, { error: "--top takes a whole number from 0 to 10" })
    .max(10, { error: "--top takes a whole number from 0 to 10" })
    .default(3),
});

const TIMELINE = /^\/timeline(?:\s+(?:year:\s*)?(.+?))?\s*$/i;

/** `/timeline [period]` asks the timeline; anything else is a question or a topic. */
export function timelineInput(engine: AnswerEngine, input: string): TimelineAnswer | undefined {
  const match = TIMELINE.exec(input.trim());
  return match ? askTimeline(engine.knowledge.timeline, match[1]) : undefined;
}

export function answerInput(engine: AnswerEngine, input: string, alternatives: number): Answer {
  const trimmed = input.trim();
  const topic = /^\/([^\s/]+)$/.exec(trimmed);
  if (topic?.[1]) {
    const answer = engine.askTopic(topic[1], { alternatives });
    if (answer) return answer;
  }
  return engine.ask(trimmed.replace(/^\/ask\s+(question:\s*)?/i, ""), { alternatives });
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        knowledge: { type: "string" },
        top: { type: "string" },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const options = optionsSchema.safeParse(parsed.values);
  if (!options.success) {
    process.stderr.write(
      `${options.error.issues.map((issue) => issue.message).join("\n")}\n\n${USAGE}\n`,
    );
    return 2;
  }
  if (options.data.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  await loadDotEnv();
  let knowledgeDir: string;
  try {
    knowledgeDir = options.data.knowledge ?? loadEngineConfig().knowledgeDir;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const { engine, issues } = await loadEngine(knowledgeDir);
  if (!engine) {
    const errors = issues.filter((issue) => issue.severity === "error");
    process.stderr.write(
      `The knowledge folder ${knowledgeDir} cannot be used:\n${errors.map((issue) => `  ${formatIssue(issue)}`).join("\n")}\nFix these (npm run check-knowledge lists them), or pass --knowledge DIR.\n`,
    );
    return 1;
  }

  const top = options.data.top;
  const print = (question: string, answer: Answer | TimelineAnswer, batch: boolean) => {
    if (answer.kind === "timeline" || answer.kind === "no-timeline") {
      if (options.data.json)
        process.stdout.write(`${JSON.stringify(timelineToJson(question, answer))}\n`);
      else if (batch) process.stdout.write(`${formatTimelineLine(question, answer)}\n`);
      else process.stdout.write(`${formatTimeline(answer, process.stdout.isTTY ? ANSI : PLAIN)}\n`);
      return;
    }
    if (options.data.json)
      process.stdout.write(`${JSON.stringify(answerToJson(question, answer))}\n`);
    else if (batch) process.stdout.write(`${formatAnswerLine(answer)}\n`);
    else process.stdout.write(`${formatAnswer(answer, process.stdout.isTTY ? ANSI : PLAIN)}\n`);
  };

  if (parsed.positionals.length > 0) {
    const question = parsed.positionals.join(" ");
    print(question, timelineInput(engine, question) ?? answerInput(engine, question, top), false);
    return 0;
  }
  if (process.stdin.isTTY)
    process.stderr.write("Type a question and press Enter; Ctrl-D to quit.\n");
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    print(
      line,
      timelineInput(engine, line) ?? answerInput(engine, line, top),
      !process.stdin.isTTY,
    );
  }
  return 0;
}

process.exitCode = await main();
