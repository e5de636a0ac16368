import type { TimelineEvent } from "./knowledge/types.ts";

/** A span of days, both ends included, YYYY-MM-DD. */
export interface TimelinePeriod {
  /** How a member would name it: "2019", "2019–2020", "Aug 2019", "2018–2023". */
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export type TimelineAnswer =
  | {
      readonly kind: "timeline";
      readonly period: TimelinePeriod;
      /** Every event of the period, oldest first, each with its references. */
      readonly events: readonly TimelineEvent[];
    }
  | { readonly kind: "no-timeline"; readonly message: string };

export interface TimelineYears {
  readonly first: number;
  readonly last: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const YEAR = /^(\d{4})$/;
const YEARS = /^(\d{4})\s*(?:-|–|—|to|\.\.)\s*(\d{4})$/i;
const MONTH = /^(\d{4})-(\d{2})$/;

/** The years the timeline covers, for the command's bounds; none when it is empty. */
export function timelineYears(events: readonly TimelineEvent[]): TimelineYears | undefined {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) return undefined;
  return { first: Number(first.date.slice(0, 4)), last: Number(last.date.slice(0, 4)) };
}

/**
 * The events of a period: nothing (the whole timeline), a year ("2019" or 2019), years
 * ("2019-2020") or a month ("2019-08"). A period outside the timeline's years is refused with
 * the years it covers.
 */
export function askTimeline(
  events: readonly TimelineEvent[],
  request?: string | number,
): TimelineAnswer {
  const years = timelineYears(events);
  if (!years) {
    return {
      kind: "no-timeline",
      message: "The timeline is empty: knowledge/timeline.yaml has no events yet.",
    };
  }
  const covered = yearsLabel(years.first, years.last);
  const period = periodOf(String(request ?? "").trim(), years);
  if (!period) {
    return {
      kind: "no-timeline",
      message: `Ask for a year such as ${years.last}, a period such as ${years.first}-${years.last}, or a month such as ${years.last}-03; the timeline covers ${covered}.`,
    };
  }
  if (period.to < `${years.first}` || period.from > `${years.last}-12-31`) {
    return {
      kind: "no-timeline",
      message: `The timeline covers ${covered}; ask for a year in that range, e.g. /timeline ${years.last}.`,
    };
  }
  return {
    kind: "timeline",
    period,
    events: events.filter((event) => {
      const day = event.date.length === 7 ? `${event.date}-01` : event.date;
      return day >= period.from && day <= period.to;
    }),
  };
}

function periodOf(text: string, years: TimelineYears): TimelinePeriod | undefined {
  if (text === "") {
    return {
      label: yearsLabel(years.first, years.last),
      from: `${years.first}-01-01`,
      to: `${years.last}-12-31`,
    };
  }
  const year = YEAR.exec(text);
  if (year) return { label: text, from: `${text}-01-01`, to: `${text}-12-31` };
  const span = YEARS.exec(text);
  if (span) {
    const [first = "", last = ""] = [span[1], span[2]].sort();
    return {
      label: yearsLabel(Number(first), Number(last)),
      from: `${first}-01-01`,
      to: `${last}-12-31`,
    };
  }
  const month = MONTH.exec(text);
  const name = month ? MONTHS[Number(month[2]) - 1] : undefined;
  if (month && name) {
    return { label: `${name} ${month[1]}`, from: `${text}-01`, to: `${text}-31` };
  }
  return undefined;
}

function yearsLabel(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}
