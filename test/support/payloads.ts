/** The parts of Discord's message payloads the tests read. */

export type Button = { custom_id?: string; url?: string; label: string; disabled?: boolean };
export type Embed = {
  author?: { name: string };
  title?: string;
  url?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
};
/** The characters Discord counts towards an embed's 6,000, counted here apart from render.ts. */
export function embedCharacters(embed: Embed): number {
  return (
    (embed.author?.name.length ?? 0) +
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** An interaction callback: `type` 4 a new reply, 7 an update of the pressed message. */
export type Body = {
  type?: number;
  data?: {
    embeds?: Embed[];
    components?: { components: Button[] }[];
    flags?: number;
    content?: string;
  };
};
/** The flag of a message only the member who acted sees. */
export const EPHEMERAL = 64;
