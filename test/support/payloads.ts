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
