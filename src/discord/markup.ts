/**
 * Discord's markup inside a question's text: user, role and channel mentions ("<@123>",
 * "<@&123>", "<#123>"), custom emoji ("<:thinking:123>", "<a:wave:123>"), command mentions
 * ("</ask:123>") and emoji shortcodes a client left as text (":thinking:").
 */
const MARKUP = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|<\/[\w -]+:\d+>|(?<![\w:]):[\w+-]+:(?![\w:])/gu;
/** A timestamp ("<t:1566432000:D>"): the member means its date. */
const TIMESTAMP = /<t:(-?\d{1,13})(?::[tTdDfFR])?>/gu;

/** "22 August 2019": the day a timestamp falls on, in words the engine reads as a date. */
function dateOf(seconds: string): string {
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return " ";
  return date.toLocaleDateString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/**
 * The words a member asked, without Discord's markup: mentions, custom emoji and command
 * mentions say nothing the knowledge could answer, and would count as words it lacks; a
 * timestamp is written as its date.
 */
export function withoutDiscordMarkup(text: string): string {
  return text
    .replace(TIMESTAMP, (_timestamp: string, seconds: string) => ` ${dateOf(seconds)} `)
    .replace(MARKUP, " ")
    .replace(/\s+/gu, " ")
    .trim();
}
