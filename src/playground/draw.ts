/** Draws a Discord message in a terminal roughly as Discord shows it: embeds, bold, buttons. */

export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const ANSI_STYLE: Style = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};
export const PLAIN_STYLE: Style = { bold: (text) => text, dim: (text) => text };

interface Embed {
  author?: { name?: string };
  title?: string;
  url?: string;
  description?: string;
  footer?: { text?: string };
  fields?: { name: string; value: string }[];
}

interface Button {
  label?: string;
  url?: string;
  custom_id?: string;
  disabled?: boolean;
  style?: number;
}

export interface DrawnMessage {
  content?: string;
  embeds?: Embed[];
  components?: { components?: Button[] }[];
  flags?: number;
}

/** Discord markdown to terminal text: **bold**, *italic*, [text](link), and escapes undone. */
export function markdown(text: string, style: Style): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, (_, inner: string) => style.bold(inner))
    .replace(/(?<![\\*])\*(?!\s)(.+?)(?<!\s)\*(?!\*)/g, (_, inner: string) => style.dim(inner))
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, "$1 <$2>")
    .replace(/<\/([-_\p{L}\p{N} ]+):\d+>/gu, (_, name: string) => style.bold(`/${name}`))
    .replace(/\\([\\*_`~|>#\-[\]()])/g, "$1")
    .replace(/\u200b/g, "");
}

/** The buttons that do something when pressed, numbered from 1 as the terminal offers them. */
export function pressableButtons(message: DrawnMessage): Button[] {
  return (message.components ?? [])
    .flatMap((row) => row.components ?? [])
    .filter((button) => button.custom_id && !button.disabled);
}

export function draw(message: DrawnMessage, style: Style): string {
  const lines: string[] = [];
  if ((message.flags ?? 0) & 64) lines.push(style.dim("(only you can see this)"));
  if (message.content) lines.push(markdown(message.content, style));
  for (const embed of message.embeds ?? []) {
    lines.push("┃");
    if (embed.author?.name) lines.push(`┃ ${style.dim(`Asked: ${embed.author.name}`)}`);
    if (embed.title)
      lines.push(`┃ ${style.bold(embed.title)}${embed.url ? style.dim(`  <${embed.url}>`) : ""}`);
    for (const line of markdown(embed.description ?? "", style).split("\n"))
      lines.push(`┃ ${line}`);
    for (const field of embed.fields ?? []) {
      lines.push(`┃ ${style.bold(field.name)}`);
      for (const line of markdown(field.value, style).split("\n")) lines.push(`┃ ${line}`);
    }
    if (embed.footer?.text) lines.push(`┃ ${style.dim(embed.footer.text)}`);
  }
  let number = 0;
  for (const row of message.components ?? []) {
    const labels = (row.components ?? []).map((button) => {
      if (button.url) return `[${button.label ?? "link"} ↗ ${button.url}]`;
      if (button.disabled) return style.dim(`[${button.label ?? "button"} (off)]`);
      number += 1;
      return `[${number}: ${button.label ?? "button"}]`;
    });
    if (labels.length > 0) lines.push(labels.join("  "));
  }
  return lines.join("\n");
}
