import type { AnswerEngine } from "../../answer.ts";
import { askCommand } from "./ask.ts";
import { helpCommand } from "./help.ts";
import { reloadCommand } from "./reload.ts";
import { sourcesCommand, sourcesPager } from "./sources.ts";
import { topicCommand } from "./topic.ts";
import type { ButtonHandler, SlashCommand } from "./types.ts";

export const BUILT_IN_COMMANDS: readonly SlashCommand[] = [
  askCommand,
  sourcesCommand,
  helpCommand,
  reloadCommand,
];
export const PAGERS: readonly ButtonHandler[] = [sourcesPager];

/** Every command of the bot for the knowledge in use: the built-ins, then one per topic. */
export function commandsFor(engine: AnswerEngine): SlashCommand[] {
  return [...BUILT_IN_COMMANDS, ...engine.topics.map(topicCommand)];
}
