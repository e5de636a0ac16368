import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotContext, Outcome } from "../context.ts";

/** A slash command is data (what Discord registers) plus what it does. */
export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Answers from the knowledge, so the per-member cooldown applies. */
  readonly costly: boolean;
  /**
   * For the bot's operators only (see isOperator in ../operators.ts): registered as a guild
   * command in ADMIN_GUILD_ID, never globally, and refused to anyone else before it runs.
   */
  readonly admin?: boolean;
  execute(context: BotContext, interaction: ChatInputCommandInteraction): Promise<Outcome>;
  autocomplete?(context: BotContext, interaction: AutocompleteInteraction): Promise<void>;
}

/** A button that belongs to a command, found by the prefix of its custom id. */
export interface ButtonHandler {
  readonly prefix: string;
  press(context: BotContext, interaction: ButtonInteraction): Promise<Outcome>;
}
