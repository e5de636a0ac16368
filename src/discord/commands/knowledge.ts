import { hostname } from "node:os";
import path from "node:path";
import {
  type APIActionRowComponent,
  type APIApplicationCommandStringOption,
  type APIButtonComponent,
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  escapeMarkdown,
} from "discord.js";
import { humanDate } from "../../dates.ts";
import type { ArticleFile } from "../../import/article.ts";
import { type ArticleField, ImportError } from "../../import/errors.ts";
import { FETCH_LIMITS, fetchPage } from "../../import/fetch.ts";
import { IMPORTABLE_FILE, type ImportSource, importArticle } from "../../import/importer.ts";
import { parseOverrides } from "../../import/overrides.ts";
import { moveToRemoved, REMOVED_FOLDER, writeArticleAtomically } from "../../import/write.ts";
import type { KnowledgeDocument } from "../../knowledge/types.ts";
import type { BotContext, Outcome } from "../context.ts";
import { PendingChanges } from "../pending.ts";
import { clip, LIMITS } from "../render.ts";
import { privateNote, privateReply, reply } from "../reply.ts";
import { reloadReport } from "./reload.ts";
import type { ButtonHandler, SlashCommand } from "./types.ts";

const PREFIX = "knowledge:";
const PREVIEW_PARAGRAPHS = 2;
/** The attachment types /knowledge add takes; anything else is refused before it is downloaded. */
const ATTACHMENT_TYPES =
  /^(text\/(html|plain|markdown|x-markdown)|application\/(xhtml\+xml|octet-stream))\b/i;

type Change =
  | { readonly kind: "add"; readonly article: ArticleFile }
  | { readonly kind: "remove"; readonly document: KnowledgeDocument };

const pending = new PendingChanges<Change>();

/** How Discord asks for a field the page does not give: the option of /knowledge add. */
const OPTION: Record<ArticleField, string> = {
  title: "title:",
  source: "source:",
  published: "published: (YYYY-MM-DD)",
  url: "link:",
  tags: "tags:",
};

const text = (name: string, description: string): APIApplicationCommandStringOption => ({
  type: ApplicationCommandOptionType.String,
  name,
  description,
});

export const knowledgeCommand: SlashCommand = {
  data: {
    name: "knowledge",
    description: "Operators: add, remove or list the articles the bot quotes",
    type: ApplicationCommandType.ChatInput,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "add",
        description: "Import an article from its link or a saved page; you see a preview first",
        options: [
          text("url", "The article's link (http or https)"),
          {
            type: ApplicationCommandOptionType.Attachment,
            name: "file",
            description: "A saved page (.html), Markdown (.md) or text (.txt), at most 2 MiB",
          },
          text("title", "The title, when the page has none or a wrong one"),
          text("source", "The outlet's name, when the page does not say it"),
          text("published", "The publication date, YYYY-MM-DD, when the page does not say it"),
          text("link", "The article's link, for a file that does not name it"),
          text("tags", "Tags, separated by commas"),
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "remove",
        description: "Take an article out of the knowledge (it is kept in .removed/)",
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: "document",
            description: "The article to remove",
            required: true,
            autocomplete: true,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "list",
        description: "The articles with their file names",
      },
    ],
  },
  costly: false,
  admin: true,
  async execute(context, interaction) {
    const subcommand = interaction.options.getSubcommand();
    if (subcommand === "add") return add(context, interaction);
    if (subcommand === "remove") return askToRemove(context, interaction);
    await interaction.reply(privateReply({ embeds: [listEmbed(context.store.engine.documents)] }));
    return "shown";
  },
  async autocomplete(context, interaction) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = context.store.engine.documents
      .filter(
        (document) =>
          document.id.length <= LIMITS.choiceText &&
          `${document.id} ${document.title}`.toLowerCase().includes(typed),
      )
      .slice(0, 25)
      .map((document) => ({
        name: clip(`${document.title} · ${document.id}`, LIMITS.choiceText),
        value: document.id,
      }));
    await interaction.respond(choices);
  },
};

async function add(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
): Promise<Outcome> {
  const url = interaction.options.getString("url");
  const attachment = interaction.options.getAttachment("file");
  if ((url === null) === (attachment === null)) {
    await interaction.reply(
      privateNote(
        "Give the article as url: (its link) or as file: (a saved page), one of the two.",
      ),
    );
    return "refused";
  }
  if (attachment) {
    const problem = attachmentProblem(attachment);
    if (problem) {
      await interaction.reply(privateNote(problem));
      return "refused";
    }
  }
  const overrides = parseOverrides({
    title: interaction.options.getString("title") ?? undefined,
    source: interaction.options.getString("source") ?? undefined,
    published: interaction.options.getString("published") ?? undefined,
    url: interaction.options.getString("link") ?? undefined,
    tags: interaction.options.getString("tags") ?? undefined,
  });
  if (!overrides.ok) {
    await interaction.reply(privateNote(`Not imported: ${overrides.problems.join("; ")}.`));
    return "refused";
  }
  await interaction.deferReply(privateReply({}));
  const allowPrivate = context.config.importAllowPrivate;
  try {
    const source: ImportSource = attachment
      ? {
          kind: "file",
          name: attachment.name,
          bytes: (await fetchPage(attachment.url, { allowPrivate, anyContentType: true })).bytes,
        }
      : { kind: "url", url: url ?? "" };
    const article = await importArticle(source, overrides.value, {
      knowledgeDir: context.store.directory,
      allowPrivate,
    });
    const id = pending.add(interaction.user.id, { kind: "add", article });
    await interaction.editReply(
      reply({ embeds: [previewEmbed(article)], components: confirmButtons(id, "Add it") }),
    );
    return "shown";
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const lines = error.problems.map(
      (problem) =>
        `• ${problem.message}${problem.field ? ` (give it with ${OPTION[problem.field]})` : ""}`,
    );
    await interaction.editReply(
      reply({
        content: clip(`Not imported; nothing was added:\n${lines.join("\n")}`, LIMITS.content),
      }),
    );
    return "refused";
  }
}

function attachmentProblem(attachment: {
  name: string;
  size: number;
  contentType: string | null;
}): string | undefined {
  if (!IMPORTABLE_FILE.test(attachment.name)) {
    return `${attachment.name} is not a page or an article; attach a saved page (.html), Markdown (.md) or text (.txt).`;
  }
  if (attachment.size > FETCH_LIMITS.maxBytes) {
    return `${attachment.name} is ${(attachment.size / 1024 / 1024).toFixed(1)} MiB, over the ${FETCH_LIMITS.maxBytes / 1024 / 1024} MiB limit; save the article alone.`;
  }
  if (attachment.contentType && !ATTACHMENT_TYPES.test(attachment.contentType)) {
    return `${attachment.name} is ${attachment.contentType}, not text; attach a saved page (.html), Markdown (.md) or text (.txt).`;
  }
  return undefined;
}

function previewEmbed(article: ArticleFile): APIEmbed {
  const first = article.paragraphs
    .slice(0, PREVIEW_PARAGRAPHS)
    .map((paragraph) => `> ${escapeMarkdown(clip(paragraph.text, 900))}`)
    .join("\n\n");
  return {
    title: clip(article.title, LIMITS.embedTitle),
    url: article.url.length <= LIMITS.linkUrl ? article.url : undefined,
    description: clip(
      `${article.source} · ${humanDate(article.published)} · ${article.paragraphs.length} paragraph${article.paragraphs.length === 1 ? "" : "s"}\n\n${first}`,
      LIMITS.embedDescription,
    ),
    footer: { text: clip(`Adds ${article.fileName} to the knowledge folder`, LIMITS.embedFooter) },
  };
}

function confirmButtons(id: string, label: string): APIActionRowComponent<APIButtonComponent>[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Success,
          label,
          custom_id: `${PREFIX}confirm:${id}`,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: "Cancel",
          custom_id: `${PREFIX}cancel:${id}`,
        },
      ],
    },
  ];
}

async function askToRemove(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
): Promise<Outcome> {
  const wanted = interaction.options.getString("document", true);
  const document = context.store.engine.documents.find((candidate) => candidate.id === wanted);
  if (!document) {
    await interaction.reply(
      privateNote(
        `No article is called "${clip(wanted, 100)}"; pick one from the list as you type.`,
      ),
    );
    return "refused";
  }
  const id = pending.add(interaction.user.id, { kind: "remove", document });
  await interaction.reply(
    privateReply({
      content: `Remove **${escapeMarkdown(clip(document.title, 200))}** (${document.source}, \`${document.file}\`)? The file moves to \`${REMOVED_FOLDER}/\` in the knowledge folder; move it back to restore it.`,
      components: confirmButtons(id, "Remove it"),
    }),
  );
  return "shown";
}

function listEmbed(documents: readonly KnowledgeDocument[]): APIEmbed {
  const sorted = [...documents].sort((a, b) => a.file.localeCompare(b.file));
  const lines: string[] = [];
  let length = 0;
  for (const [index, document] of sorted.entries()) {
    const line = `\`${document.file}\`: ${escapeMarkdown(clip(document.title, 120))} (${escapeMarkdown(document.source)}, ${humanDate(document.published)})`;
    const more = `… and ${sorted.length - index} more in the folder.`;
    if (length + line.length + more.length + 2 > LIMITS.embedDescription) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return {
    title: `Knowledge files (${documents.length})`,
    description: lines.join("\n") || "The knowledge folder has no articles.",
  };
}

/** Confirm and Cancel under a preview: only the admin who asked may press them. */
export const knowledgeButtons: ButtonHandler = {
  prefix: PREFIX,
  async press(context, interaction) {
    const [, action, id = ""] = interaction.customId.split(":");
    const taken = pending.take(id, interaction.user.id);
    if (!taken.ok) {
      if (taken.reason === "not-yours") {
        await interaction.reply(
          privateNote("Only the admin who asked can confirm or cancel this."),
        );
        return "refused";
      }
      await interaction.update(
        reply({
          content: "This preview expired; nothing was changed. Run the command again.",
          embeds: [],
          components: [],
        }),
      );
      return "expired";
    }
    const { change } = taken;
    if (action !== "confirm") {
      await interaction.update(
        reply({ content: "Cancelled; nothing was changed.", embeds: [], components: [] }),
      );
      return "shown";
    }
    await interaction.deferUpdate();
    const directory = context.store.directory;
    let done: string;
    try {
      if (change.kind === "add") {
        await writeArticleAtomically(directory, change.article.fileName, change.article.markdown);
        done = `Added \`${change.article.fileName}\``;
      } else {
        const moved = await moveToRemoved(directory, change.document.file);
        done = `Removed \`${change.document.file}\` (kept as \`${path.relative(directory, moved)}\`)`;
      }
    } catch (error) {
      const why = error instanceof ImportError ? error.message : String(error);
      await interaction.editReply(
        reply({ content: `Nothing was changed: ${why}`, embeds: [], components: [] }),
      );
      return "error";
    }
    const results = await context.reload(`/knowledge ${change.kind} by ${interaction.user.id}`);
    await interaction.editReply(
      reply({
        content: clip(`${done} on host ${hostname()}.\n${reloadReport(results)}`, LIMITS.content),
        embeds: [],
        components: [],
      }),
    );
    return results.every((result) => result.summary?.ok) ? "reloaded" : "reload-failed";
  },
};
