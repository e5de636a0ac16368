import type { AnswerEngine } from "../../answer.ts";
import type { KnowledgeBase } from "../../knowledge/types.ts";
import { pressPassage } from "../answering.ts";
import { notHelpfulButtons } from "../feedback.ts";
import { ANOTHER_PREFIX } from "../sessions.ts";
import { askCommand } from "./ask.ts";
import { helpCommand } from "./help.ts";
import { knowledgeButtons, knowledgeCommand } from "./knowledge.ts";
import { reloadCommand } from "./reload.ts";
import { reportCommand } from "./report.ts";
import { sourcesCommand, sourcesPager } from "./sources.ts";
import { timelineCommand, timelinePager } from "./timeline.ts";
import { topicCommand } from "./topic.ts";
import type { ButtonHandler, SlashCommand } from "./types.ts";

export const BUILT_IN_COMMANDS: readonly SlashCommand[] = [
  askCommand,
  sourcesCommand,
  helpCommand,
  reloadCommand,
  knowledgeCommand,
  reportCommand,
];
/** Every button the bot puts on a message, found by the prefix of its custom id. */
export const BUTTON_HANDLERS: readonly ButtonHandler[] = [
  { prefix: ANOTHER_PREFIX, press: pressPassage },
  sourcesPager,
  knowledgeButtons,
  timelinePager,
  notHelpfulButtons,
];

/** Discord's limit on chat-input commands per application (and per server). */
export const MAX_CHAT_COMMANDS = 100;

/** The built-in commands for the knowledge in use: /timeline's year bounds come from the timeline. */
export function builtInCommands(knowledge: KnowledgeBase): SlashCommand[] {
  return [...BUILT_IN_COMMANDS, timelineCommand(knowledge.timeline)];
}

/** Every command of the bot for the knowledge in use: the built-ins, then one per topic. */
export function commandsFor(engine: AnswerEngine): SlashCommand[] {
  return [...builtInCommands(engine.knowledge), ...engine.topics.map(topicCommand)];
}

export function commandNamed(engine: AnswerEngine, name: string): SlashCommand | undefined {
  return commandsFor(engine).find((command) => command.data.name === name);
}
