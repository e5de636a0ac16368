import type { Interaction } from "discord.js";
import { BUTTON_HANDLERS, commandNamed } from "./commands/index.ts";
import type { BotContext, Outcome } from "./context.ts";
import { isOperator } from "./operators.ts";
import { privateNote } from "./reply.ts";
import { slowDown } from "./sessions.ts";

export const OPERATORS_ONLY =
  "Only this bot's operators can do this. Server permissions are not enough: every server shares the same knowledge.";

/** A command Discord still shows but this bot does not know: a removed topic, or none at all. */
export function unknownCommand(context: BotContext, name: string): string {
  return context.store.wasTopic(name)
    ? `\`/${name}\` was a topic, but it was removed from the knowledge. Try /help for the topics there are.`
    : `I don't know the command \`/${name}\`. Try /help for what I can do.`;
}

/** Discord takes the first response to an interaction within 3 s of its creation, never later. */
export const RESPONSE_DEADLINE_MS = 3000;

/**
 * Routes one interaction and logs one line with its latency, timed from the interaction's
 * creation (its snowflake) rather than from when this process saw it, and its outcome. An
 * interaction already past Discord's deadline is not answered: Discord would refuse it.
 */
export async function handleInteraction(
  context: BotContext,
  interaction: Interaction,
): Promise<void> {
  const started = performance.now();
  let name = "unknown";
  let outcome: Outcome = "error";
  try {
    if (Date.now() - interaction.createdTimestamp >= RESPONSE_DEADLINE_MS) {
      name = interaction.isCommand() ? interaction.commandName : interaction.type.toString();
      outcome = "late";
    } else if (interaction.isAutocomplete()) {
      name = `${interaction.commandName}:autocomplete`;
      const command = commandNamed(context.store.engine, interaction.commandName);
      const allowed = !command?.admin || (await isOperator(context, interaction));
      await ((allowed && command?.autocomplete?.(context, interaction)) || interaction.respond([]));
      outcome = "shown";
    } else if (interaction.isChatInputCommand()) {
      name = interaction.commandName;
      const command = commandNamed(context.store.engine, interaction.commandName);
      if (!command) {
        await interaction.reply(privateNote(unknownCommand(context, interaction.commandName)));
        outcome = "refused";
      } else if (command.admin && !(await isOperator(context, interaction))) {
        await interaction.reply(privateNote(OPERATORS_ONLY));
        outcome = "refused";
      } else {
        const wait = command.costly ? context.cooldown.take(interaction.user.id) : 0;
        if (wait > 0) {
          await interaction.reply(privateNote(slowDown(wait)));
          outcome = "cooldown";
        } else {
          outcome = await command.execute(context, interaction);
        }
      }
    } else if (interaction.isButton()) {
      name = `button:${interaction.customId.split(":")[0]}`;
      const handler = BUTTON_HANDLERS.find((candidate) =>
        interaction.customId.startsWith(candidate.prefix),
      );
      if (handler) outcome = await handler.press(context, interaction);
      else {
        await interaction.reply(privateNote("This button no longer works. Ask again."));
        outcome = "expired";
      }
    } else {
      return;
    }
  } catch (error) {
    context.logger.error("interaction failed", { command: name, error });
    if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
      await interaction
        .reply(privateNote("Something went wrong on my side. Try again in a moment."))
        .catch(() => undefined);
    }
  } finally {
    const milliseconds = Date.now() - interaction.createdTimestamp;
    context.metrics.interaction(name, outcome, milliseconds / 1000);
    context.logger.info("interaction", {
      command: name,
      user: interaction.user.id,
      guild: interaction.guildId,
      outcome,
      ms: Math.round(milliseconds),
      handlerMs: Math.round(performance.now() - started),
    });
  }
}
