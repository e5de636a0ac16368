import { randomBytes } from "node:crypto";
import type { ButtonInteraction } from "discord.js";
import type { Answer, QuotedPassage } from "../answer.ts";
import type { FeedbackStore } from "../feedback/store.ts";
import type { ButtonHandler } from "./commands/types.ts";
import type { BotContext } from "./context.ts";
import { privateNote } from "./reply.ts";

export const NOT_HELPFUL_PREFIX = "nothelpful:";
/** How many recent answers keep a working "Not helpful" button; the oldest goes first. */
export const MAX_FEEDBACK_LINKS = 10_000;

/**
 * What the bot needs to record feedback: the store, which also keeps the question and passages
 * behind each recent answer's "Not helpful" buttons, across restarts.
 */
export class AnswerFeedback {
  constructor(
    readonly store: FeedbackStore,
    readonly capacity = MAX_FEEDBACK_LINKS,
  ) {}

  /**
   * Keeps an answer's question and passages; returns the token its buttons carry, or undefined
   * (no "Not helpful" button) when the disk fails: the answer is sent all the same.
   */
  remember(
    context: BotContext,
    question: string,
    passages: readonly QuotedPassage[],
  ): string | undefined {
    const token = randomBytes(9).toString("base64url");
    const kept = passages.map(({ document, paragraph }) => ({ document, paragraph }));
    try {
      this.store.rememberShown(token, { question, passages: kept }, this.capacity);
      return token;
    } catch (error) {
      context.logger.error("could not keep an answer for its Not helpful button", { error });
      return undefined;
    }
  }

  /**
   * The custom id of the "Not helpful" button under the passage at `position` of the answer
   * behind `token` (positions as the answer's passages were remembered).
   */
  buttonId(token: string | undefined, position: number): string | undefined {
    return token === undefined || position < 0
      ? undefined
      : `${NOT_HELPFUL_PREFIX}${token}:${position}`;
  }

  /** Records a question the bot did not answer; a failing disk never stops the reply. */
  unanswered(context: BotContext, answer: Answer, memberId: string): void {
    if (answer.kind !== "no-answer" || answer.reason === "empty-question") return;
    try {
      this.store.recordUnanswered({ question: answer.question, memberId });
    } catch (error) {
      context.logger.error("could not record an unanswered question", { error });
    }
  }

  /** Records a press, once per member and passage; "expired" when the answer is forgotten. */
  press(customId: string, memberId: string): "recorded" | "again" | "expired" {
    const [token = "", position = ""] = customId.slice(NOT_HELPFUL_PREFIX.length).split(":");
    return this.store.pressNotHelpful(token, Number(position), memberId);
  }
}

/** The token of the answer a message shows, read from its "Not helpful" button. */
export function feedbackTokenOf(interaction: ButtonInteraction): string | undefined {
  for (const row of interaction.message.components) {
    const json = row.toJSON() as { components?: { custom_id?: string }[] };
    for (const button of json.components ?? []) {
      if (button.custom_id?.startsWith(NOT_HELPFUL_PREFIX))
        return button.custom_id.slice(NOT_HELPFUL_PREFIX.length).split(":")[0];
    }
  }
  return undefined;
}

export const notHelpfulButtons: ButtonHandler = {
  prefix: NOT_HELPFUL_PREFIX,
  async press(context, interaction) {
    const result = context.feedback.press(interaction.customId, interaction.user.id);
    const notes = {
      recorded:
        "Thanks, noted: this passage did not answer the question. The bot's operators see it in /report and can add what is missing.",
      again: "You already marked this passage as not helpful; it is noted once.",
      expired:
        "This answer is too old to take feedback now. Ask again, and press Not helpful there.",
    } as const;
    await interaction.reply(privateNote(notes[result]));
    return result === "recorded" ? "shown" : result === "again" ? "refused" : "expired";
  },
};
