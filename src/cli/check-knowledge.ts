import { parseArgs } from "node:util";
import { AnswerEngine } from "../answer.ts";
import { ConfigError, loadDotEnv, loadEngineConfig } from "../config.ts";
import { hasErrors, loadKnowledge } from "../knowledge/load.ts";
import { formatIssue, type KnowledgeIssue } from "../knowledge/types.ts";

const USAGE = "Usage: npm run check-knowledge [-- --knowledge DIR]";

async function main(): Promise<number> {
  let values: { knowledge?: string | undefined; help?: boolean | undefined };
  try {
    values = parseArgs({
      options: { knowledge: { type: "string" }, help: { type: "boolean", short: "h" } },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(
      `${USAGE}\nValidates every article, the topics and the glossary; exits 1 on any error.\n`,
    );
    return 0;
  }
  await loadDotEnv();
  let directory: string;
  try {
    directory = values.knowledge ?? loadEngineConfig().knowledgeDir;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const { knowledge, issues } = await loadKnowledge(directory);
  const all: KnowledgeIssue[] = [...issues];
  if (!hasErrors(issues)) {
    const engine = new AnswerEngine(knowledge);
    for (const topic of knowledge.topics) {
      const answer = engine.askTopic(topic.name);
      if (answer?.kind !== "answer") {
        all.push({
          severity: "warning",
          file: "topics",
          line: undefined,
          message: `/${topic.name} finds no confident answer to its question; reword it or pin a passage`,
        });
      }
    }
  }
  for (const issue of all) process.stdout.write(`${formatIssue(issue)}\n`);
  const errors = all.filter((issue) => issue.severity === "error").length;
  const warnings = all.length - errors;
  const summary = `${knowledge.documents.length} documents, ${knowledge.passages.length} passages, ${knowledge.topics.length} topics, ${knowledge.glossary.length} glossary entries in ${knowledge.directory}`;
  if (errors > 0) {
    process.stdout.write(
      `\n${errors} error${errors > 1 ? "s" : ""}, ${warnings} warning${warnings === 1 ? "" : "s"}: fix the errors above, then run this again.\n`,
    );
    return 1;
  }
  process.stdout.write(
    `OK: ${summary}${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? "" : "s"})` : ""}\n`,
  );
  return 0;
}

process.exitCode = await main();
