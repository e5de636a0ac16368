import type { ChatInputCommandInteraction } from "discord.js";
import { mayReload } from "./commands/reload.ts";
import type { BotContext } from "./context.ts";

/**
 * Who may change the knowledge (/knowledge add, remove, list): the same people who may /reload.
 * The one place /knowledge asks; swap its body when /reload's check changes.
 */
export function mayManageKnowledge(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
): boolean {
  return mayReload(context, interaction);
}
