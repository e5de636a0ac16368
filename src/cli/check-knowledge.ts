import { parseArgs } from "node:util";
import { AnswerEngine } from "../answer.ts";
import { ConfigError, loadDotEnv, loadEngineConfig } from "../config.ts";
import { builtInCommands, MAX_CHAT_COMMANDS } from "../discord/commands/index.ts";
import { findPinnedPassages, hasErrors, loadKnowledge } from "../knowledge/load.ts";
import {
  formatIssue,
  type KnowledgeBase,
  type KnowledgeIssue,
  searchTerms,
} from "../knowledge/types.ts";
import { GlossaryMatcher } from "../search/glossary.ts";

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

/**
 * How far down the ranking of a topic's own question its pinned paragraph is looked for: further
 * down, the engine would not quote it whatever its confidence.
 */
const PIN_SEARCH_DEPTH = 50;

/**
 * Each topic asked of the engine: one without a confident answer, and a pin that does not answer
 * the topic's own question as the engine reads them (searched without the pin, the engine would
 * not quote the pinned paragraph: its confidence is under this folder's bar), are warnings at the
 * topic's line. Several paragraphs may answer a topic's question; the pin need not rank first,
 * only answer it.
 */
function topicIssues(knowledge: KnowledgeBase, engine: AnswerEngine): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const warn = (line: number, message: string) =>
    issues.push({ severity: "warning", file: "topics.yaml", line, message });
  for (const topic of knowledge.topics) {
    if (engine.askTopic(topic.name)?.kind !== "answer") {
      warn(
        topic.line,
        `/${topic.name} finds no confident answer to its question; reword it or pin a passage`,
      );
    }
    const pinned = topic.pin ? findPinnedPassages(topic.pin, knowledge.passages)[0] : undefined;
    if (!pinned) continue;
    const found = engine
      .rankWithoutPins(topic.question, PIN_SEARCH_DEPTH)
      .find(
        (passage) =>
          passage.document === pinned.documentId && passage.paragraph === pinned.paragraph,
      );
    const confidence = found?.confidence ?? 0;
    if (confidence < engine.threshold) {
      warn(
        topic.line,
        `/${topic.name}'s pin (${pinned.documentId}, paragraph ${pinned.paragraph}) does not answer its question "${topic.question}" as the engine reads them: asked without the pin, the engine's confidence in that paragraph is ${confidence.toFixed(2)}, under this folder's bar of ${engine.threshold.toFixed(2)}; pin the paragraph that answers the question, or reword the question in the words of the pin`,
      );
    }
  }
  return issues;
}

/**
 * A glossary or vocabulary term that no question can find as written is a warning at its line:
 * "ASEAN地域フォーラム" is read as the ASEAN entry's term and a Japanese word, never as itself.
 */
function unreachableTermIssues(knowledge: KnowledgeBase): KnowledgeIssue[] {
  const entries = searchTerms(knowledge);
  const matcher = new GlossaryMatcher(entries);
  return matcher.unreachableTerms(entries).map(({ entry, term: termIndex, readAs }) => {
    const term = entries[entry]?.terms[termIndex] ?? "";
    const source = entries[entry]?.source;
    const instead =
      readAs === undefined
        ? "as separate words"
        : `as the term "${matcher.labels[readAs] ?? "?"}" of another entry`;
    return {
      severity: "warning",
      file: source?.file ?? "glossary.yaml",
      line: source?.lines[termIndex],
      message: `"${term}" can never be found in a question: the search reads it ${instead}; write it as members type it, in at most five words, or remove it`,
    };
  });
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
    all.push(...unreachableTermIssues(knowledge));
    all.push(...topicIssues(knowledge, new AnswerEngine(knowledge)));
  }
  for (const issue of all) process.stdout.write(`${formatIssue(issue)}\n`);
  const errors = all.filter((issue) => issue.severity === "error").length;
  const warnings = all.length - errors;
  const summary = `${knowledge.documents.length} documents, ${knowledge.passages.length} passages, ${knowledge.topics.length} topics, ${knowledge.glossary.length} glossary entries, ${knowledge.vocabulary.length} vocabulary entries, ${knowledge.timeline.length} timeline events in ${knowledge.directory}`;
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
