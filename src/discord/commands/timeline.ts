import {
  type APIActionRowComponent,
  type APIApplicationCommandIntegerOption,
  type APIButtonComponent,
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationCommandType,
} from "discord.js";
import { z } from "zod";
import { humanDate } from "../../dates.ts";
import type { Reference, TimelineEvent } from "../../knowledge/types.ts";
import { askTimeline, type TimelineAnswer, timelineYears } from "../../timeline.ts";
import { clip, escapeText, LIMITS, pagerRow } from "../render.ts";
import { privateNote, reply } from "../reply.ts";
import type { ButtonHandler, SlashCommand } from "./types.ts";

const PAGE_PREFIX = "timeline:";
/** Room for the events on one page, below the 4096 of a description and the 6000 of an embed. */
const PAGE_CHARACTERS = 3500;
/** A page of a few events reads better than a wall of them. */
const EVENTS_PER_PAGE = 8;

type TimelinePage = { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] };

/** "[Yonhap News Agency, 30 Sep 2019](https://…)" */
function sourceLink(reference: Reference): string {
  const label = escapeText(`${reference.outlet}, ${humanDate(reference.published)}`).replace(
    /[[\]]/g,
    "",
  );
  return reference.url.length <= LIMITS.linkUrl ? `[${label}](${reference.url})` : label;
}

/** One event, cited: "**30 Oct 2018**: what happened ([outlet, date](url))". */
export function eventLine(event: TimelineEvent): string {
  const sources = event.references.map(sourceLink).join("; ");
  return clip(
    `**${humanDate(event.date)}**: ${escapeText(event.event)} (${sources})`,
    PAGE_CHARACTERS,
  );
}

/** The events split into pages that each fit an embed; a page ends before an event that would not fit. */
export function timelinePages(events: readonly TimelineEvent[]): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let length = 0;
  for (const line of events.map(eventLine)) {
    if (
      page.length > 0 &&
      (length + line.length + 2 > PAGE_CHARACTERS || page.length >= EVENTS_PER_PAGE)
    ) {
      pages.push(page);
      page = [];
      length = 0;
    }
    page.push(line);
    length += line.length + 2;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** One page of a period's events, with Previous/Next when there are more, and how many more. */
export function timelinePage(
  answer: Extract<TimelineAnswer, { kind: "timeline" }>,
  request: string,
  requestedPage: number,
): TimelinePage {
  const { period, events } = answer;
  const pages = timelinePages(events);
  const page = Math.min(Math.max(0, requestedPage), Math.max(0, pages.length - 1));
  const lines = pages[page] ?? [];
  const shownBefore = pages.slice(0, page).reduce((sum, shown) => sum + shown.length, 0);
  const first = shownBefore + 1;
  const last = shownBefore + lines.length;
  const left = events.length - last;
  const embed: APIEmbed = {
    title: clip(
      `Timeline ${period.label}: ${events.length} event${events.length === 1 ? "" : "s"}`,
      LIMITS.embedTitle,
    ),
    description:
      lines.join("\n\n") ||
      `No event of ${period.label} is on the timeline yet. /timeline without a year shows all of it.`,
    footer: {
      text:
        events.length === 0
          ? "Each event names its sources."
          : `Events ${first}–${last} of ${events.length}${left > 0 ? ` · ${left} more event${left === 1 ? "" : "s"}: press Next` : ""} · each event names its sources`,
    },
  };
  const components = pagerRow(page, pages.length, (target) => `${PAGE_PREFIX}${request}:${target}`);
  return { embeds: [embed], components };
}

/** The year option, bounded by the years the timeline covers. */
function yearOption(events: readonly TimelineEvent[]): APIApplicationCommandIntegerOption {
  const years = timelineYears(events);
  return {
    type: ApplicationCommandOptionType.Integer,
    name: "year",
    description: years
      ? `A year from ${years.first} to ${years.last}; leave it out for the whole timeline`
      : "A year; the timeline has no events yet",
    required: false,
    ...(years ? { min_value: years.first, max_value: years.last } : {}),
  };
}

/** /timeline [year]: the dated events of a year, or all of them, each with its sources. */
export function timelineCommand(events: readonly TimelineEvent[]): SlashCommand {
  return {
    data: {
      name: "timeline",
      description: "The dispute's events year by year, each with its sources",
      type: ApplicationCommandType.ChatInput,
      options: [yearOption(events)],
    },
    costly: false,
    async execute(context, interaction) {
      const timeline = context.store.engine.knowledge.timeline;
      const years = timelineYears(timeline);
      const year = z
        .number()
        .int()
        .min(years?.first ?? 0)
        .max(years?.last ?? 0)
        .nullable()
        .safeParse(interaction.options.getInteger("year"));
      if (!year.success) {
        await interaction.reply(
          privateNote(
            years
              ? `The timeline covers ${years.first} to ${years.last}; pick a year in that range, or none for all of it.`
              : "The timeline has no events yet.",
          ),
        );
        return "refused";
      }
      const request = year.data === null ? "" : String(year.data);
      const answer = askTimeline(timeline, request);
      if (answer.kind !== "timeline") {
        await interaction.reply(privateNote(answer.message));
        return "refused";
      }
      await interaction.reply(reply(timelinePage(answer, request, 0)));
      return "shown";
    },
  };
}

/** Previous/Next on a timeline page: the request and the page are in the button's id. */
export const timelinePager: ButtonHandler = {
  prefix: PAGE_PREFIX,
  async press(context, interaction) {
    const [request = "", page = "0"] = interaction.customId.slice(PAGE_PREFIX.length).split(":");
    const answer = askTimeline(context.store.engine.knowledge.timeline, request);
    if (answer.kind !== "timeline") {
      await interaction.reply(privateNote(answer.message));
      return "refused";
    }
    const number = Number.parseInt(page, 10);
    await interaction.update(
      reply(timelinePage(answer, request, Number.isFinite(number) ? number : 0)),
    );
    return "shown";
  },
};
