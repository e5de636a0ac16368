import { parseArgs } from "node:util";
import { AnswerEngine } from "../answer.ts";
import { ConfigError, loadDotEnv, loadEngineConfig } from "../config.ts";
import { builtInCommands, MAX_CHAT_COMMANDS } from "../discord/commands/index.ts";
import { hasErrors, loadKnowledge } from "../knowledge/load.ts";
import { formatIssue, type KnowledgeBase, type KnowledgeIssue } from "../knowledge/types.ts";

const USAGE = "Usage: npm run check-knowledge [-- --knowledge DIR]";

/** Discord registers at most 100 chat commands: the built-ins and one per topic must fit. */
function commandLimitIssue(knowledge: KnowledgeBase): KnowledgeIssue | undefined {
  const builtIns = builtInCommands(knowledge).length;
  const room = MAX_CHAT_COMMANDS - builtIns;
  const over = knowledge.topics.length - room;
  if (over <= 0) return undefined;
  const first = knowledge.topics[room];
  return {
    severity: "error",
    file: "topics.yaml",
    line: first?.line,
    message: `${knowledge.topics.length} topics and ${builtIns} built-in commands make ${knowledge.topics.length + builtIns} commands, over Discord's limit of ${MAX_CHAT_COMMANDS}; remove or merge ${over} topic${over === 1 ? "" : "s"} (from /${first?.name ?? "?"} on, none would be registered)`,
  };
}

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
      `${USAGE}\nValidates every article, the topics, the glossary and the timeline; exits 1 on any error.\n`,
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
  const limit = commandLimitIssue(knowledge);
  const all: KnowledgeIssue[] = [...issues, ...(limit ? [limit] : [])];
  if (!hasErrors(all)) {
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
  const summary = `${knowledge.documents.length} documents, ${knowledge.passages.length} passages, ${knowledge.topics.length} topics, ${knowledge.glossary.length} glossary entries, ${knowledge.timeline.length} timeline events in ${knowledge.directory}`;
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
