import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  escapeMarkdown,
} from "discord.js";
import type { AnswerEngine } from "../../answer.ts";
import { humanDate } from "../../dates.ts";
import { clip, LIMITS, pagerRow } from "../render.ts";
import { privateReply, reply } from "../reply.ts";
import type { ButtonHandler, SlashCommand } from "./types.ts";

export const SOURCES_PER_PAGE = 10;
const PAGE_PREFIX = "sources:";

export function sourcesPage(
  engine: AnswerEngine,
  requested: number,
): { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  const documents = [...engine.documents].sort(
    (a, b) => a.published.localeCompare(b.published) || a.title.localeCompare(b.title),
  );
  const pages = Math.max(1, Math.ceil(documents.length / SOURCES_PER_PAGE));
  const page = Math.min(Math.max(0, requested), pages - 1);
  const lines = documents
    .slice(page * SOURCES_PER_PAGE, (page + 1) * SOURCES_PER_PAGE)
    .map((document) => {
      const title = escapeMarkdown(clip(document.title, 150));
      const linked = document.url ? `[${title}](${document.url})` : title;
      if (document.kind === "fact-sheet") {
        const reports = document.references.length;
        return `• ${linked}: ${escapeMarkdown(document.source)}, the project's own summary of ${reports} report${reports === 1 ? "" : "s"}, written ${humanDate(document.published)}`;
      }
      return `• ${linked}: ${escapeMarkdown(document.source)}, ${humanDate(document.published)}`;
    });
  const embed: APIEmbed = {
    title: `Sources (${documents.length})`,
    description: clip(
      lines.join("\n") || "The knowledge folder has no articles.",
      LIMITS.embedDescription,
    ),
    footer: { text: `Page ${page + 1} of ${pages}` },
  };
  const components = pagerRow(page, pages, (target) => `${PAGE_PREFIX}${target}`);
  return { embeds: [embed], components };
}

export const sourcesCommand: SlashCommand = {
  data: {
    name: "sources",
    description: "The articles this bot quotes, with their links",
    type: ApplicationCommandType.ChatInput,
    options: [
      {
        type: ApplicationCommandOptionType.Boolean,
        name: "public",
        description: "Post the list for the whole channel (by default only you see it)",
      },
    ],
  },
  costly: false,
  async execute(context, interaction) {
    const page = sourcesPage(context.store.engine, 0);
    const shared = interaction.options.getBoolean("public") ?? false;
    await interaction.reply(shared ? reply(page) : privateReply(page));
    return "shown";
  },
};

export const sourcesPager: ButtonHandler = {
  prefix: PAGE_PREFIX,
  async press(context, interaction) {
    const page = Number.parseInt(interaction.customId.slice(PAGE_PREFIX.length), 10);
    await interaction.update(
      reply(sourcesPage(context.store.engine, Number.isFinite(page) ? page : 0)),
    );
    return "shown";
  },
};
