import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ConfigError, loadBotConfig, loadDotEnv, SHIPPED_KNOWLEDGE_DIR } from "../config.ts";
import { createBot } from "../discord/bot.ts";
import { formatIssue } from "../knowledge/types.ts";
import { createLogger } from "../log.ts";
import { KnowledgeError, KnowledgeStore } from "../store.ts";
import { ANSI_STYLE, type DrawnMessage, draw, PLAIN_STYLE, pressableButtons } from "./draw.ts";
import { APP_ID, FakeDiscord, GUILD_ID, member, OWNER_ID } from "./fake-discord.ts";

const USAGE = `Usage: npm run playground [-- --say "/why-gsomia" --say "@bot why did Seoul end GSOMIA?" --knowledge DIR --verbose]

The whole bot, unchanged, against a Discord-compatible server on 127.0.0.1. You are the bot's
owner, in its operators' test server. Type what you would type in Discord:
  /why-gsomia                 a topic command (/help lists them)
  /ask question: …            or /ask …, or any plain question
  @bot …                      a message that mentions the bot
  ?why did ja                 what /ask's autocomplete offers for what you have typed so far
  /timeline 2019              the events of a year, each cited (/timeline alone: all of them)
  /sources  /help  /reload    the built-in commands
  /knowledge add url: …       import an article (or file: saved.html); list; remove document: …
  1, 2, …                     press a button of the last reply
  quit                        leave`;

/** A playground member: the application's owner, so /reload works too. */
const YOU = member(OWNER_ID);

type Json = Record<string, unknown>;

export class Playground {
  #lastMessage: Json | undefined;
  constructor(
    readonly fake: FakeDiscord,
    readonly write: (text: string) => void,
    readonly styled: boolean,
  ) {}

  /** Sends one line as Discord would, and draws the bot's reply. */
  async send(line: string): Promise<void> {
    const text = line.trim();
    if (text === "") return;
    const press = /^(\d+)$/.exec(text);
    if (press) return this.#press(Number(press[1]));
    if (text.startsWith("?")) return this.#autocomplete(text.slice(1));
    if (/^@bot\b/i.test(text) || text.startsWith(`<@${APP_ID}>`))
      return this.#mention(text.replace(/^@bot\b/i, `<@${APP_ID}>`));
    const command = /^\/([^\s:]+)\s*(?:question:)?\s*(.*)$/s.exec(text);
    if (command) {
      const [, name = "", rest = ""] = command;
      try {
        if (name === "ask") {
          const options = [{ name: "question", type: 3, value: rest.trim() }];
          return this.#interaction(this.fake.slash(name, options, YOU));
        }
        const year = /^(?:year:\s*)?(-?\d+)$/.exec(rest.trim())?.[1];
        if (name === "timeline" && year) {
          const options = [{ name: "year", type: 4, value: Number(year) }];
          return this.#interaction(this.fake.slash(name, options, YOU));
        }
        const { options, resolved } = await this.#options(rest);
        return this.#interaction(this.fake.slash(name, options, YOU, undefined, resolved));
      } catch (error) {
        // Discord offers only registered commands; the loopback one refuses the others too.
        if (!/^Discord shows no/.test((error as Error).message)) throw error;
        this.write(`Discord has no /${name} here. /help lists the commands.\n`);
        return;
      }
    }
    return this.#interaction(
      this.fake.slash("ask", [{ name: "question", type: 3, value: text }], YOU),
    );
  }

  /**
   * "add url: https://…", "remove document: x", "add file: saved.html": an optional subcommand,
   * then options; a file: is read from disk and attached as Discord would.
   */
  async #options(text: string): Promise<{ options: Json[]; resolved: Json | undefined }> {
    const subcommand = /^([a-z][-a-z]*)(?=\s|$)(?!:)/.exec(text)?.[1];
    const rest = subcommand ? text.slice(subcommand.length) : text;
    const options: Json[] = [];
    const attachments: Json = {};
    for (const [, name = "", value = ""] of rest.matchAll(/(\w+):\s*(.*?)(?=\s+\w+:\s|\s*$)/g)) {
      if (name === "file") {
        const attachment = this.fake.attach(path.basename(value), await readFile(value));
        attachments[String(attachment.id)] = attachment;
        options.push({ name, type: 11, value: attachment.id });
      } else if (value === "true" || value === "false") {
        options.push({ name, type: 5, value: value === "true" });
      } else options.push({ name, type: 3, value });
    }
    const resolved = Object.keys(attachments).length > 0 ? { attachments } : undefined;
    return {
      options: subcommand ? [{ type: 1, name: subcommand, options }] : options,
      resolved,
    };
  }

  async #interaction(id: string): Promise<void> {
    const responses = await this.fake.waitFor(() => {
      const all = this.fake.responsesTo(id);
      return all.some((response) => response.body.type !== 5) && all;
    }, 30_000);
    const final = responses.findLast((response) => response.body.type !== 5);
    const body = final?.body ?? {};
    const message = ("type" in body ? (body.data as Json | undefined) : body) ?? {};
    const shown = this.fake.message(`original-${id}`);
    const stored = final?.kind === "callback" && body.type === 4 ? shown : undefined;
    this.#remember(
      stored ??
        (body.type === 7
          ? this.#lastMessage && { ...this.#lastMessage, ...message }
          : { id: `original-${id}`, ...message }),
    );
    this.write(`${draw(message as DrawnMessage, this.styled ? ANSI_STYLE : PLAIN_STYLE)}\n`);
  }

  /** The choices Discord would list under /ask while `typed` is in its question box. */
  async #autocomplete(typed: string): Promise<void> {
    const id = this.fake.autocomplete("ask", "question", typed, YOU);
    const [response] = await this.fake.waitFor(
      () => this.fake.responsesTo(id).length > 0 && this.fake.responsesTo(id),
      30_000,
    );
    const data = (response?.body.data ?? {}) as { choices?: { name: string }[] };
    const choices = data.choices ?? [];
    this.write(
      choices.length > 0
        ? `${choices.map((choice) => `  ${choice.name}`).join("\n")}\n`
        : "  (no suggestions)\n",
    );
  }

  async #mention(content: string): Promise<void> {
    const asked = this.fake.say(content, { author: YOU.user, mentionsBot: true });
    const reply = await this.fake.waitFor(
      () =>
        this.fake.responses.find(
          (response) =>
            (response.body.message_reference as { message_id?: string } | undefined)?.message_id ===
            asked,
        ),
      30_000,
    );
    const message = this.fake.message(String(reply.body.id)) ?? reply.body;
    this.#remember(message);
    this.write(`${draw(reply.body as DrawnMessage, this.styled ? ANSI_STYLE : PLAIN_STYLE)}\n`);
  }

  async #press(number: number): Promise<void> {
    const message = this.#lastMessage;
    const button = message ? pressableButtons(message as DrawnMessage)[number - 1] : undefined;
    if (!message || !button?.custom_id) {
      this.write("There is no such button on the last reply.\n");
      return;
    }
    return this.#interaction(this.fake.press(button.custom_id, message, YOU));
  }

  #remember(message: Json | undefined): void {
    if (message && pressableButtons(message as DrawnMessage).length > 0)
      this.#lastMessage = message;
    else if (message && (message.flags as number | undefined) !== 64) this.#lastMessage = message;
  }
}

async function main(): Promise<number> {
  let values: {
    say?: string[] | undefined;
    knowledge?: string | undefined;
    verbose?: boolean | undefined;
    help?: boolean | undefined;
  };
  try {
    values = parseArgs({
      options: {
        say: { type: "string", multiple: true },
        knowledge: { type: "string" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  await loadDotEnv();
  const fake = await FakeDiscord.start();
  let config: ReturnType<typeof loadBotConfig>;
  try {
    config = loadBotConfig({
      ...process.env,
      DISCORD_TOKEN: `playground.${"0".repeat(60)}`,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: "",
      ADMIN_GUILD_ID: GUILD_ID,
      ADMIN_ROLE_IDS: "",
      ADMIN_USER_IDS: "",
      SHARD_COUNT: "",
      SHARD_IDS: "",
      HEALTH_PORT: "",
      KNOWLEDGE_DIR: values.knowledge ?? process.env.KNOWLEDGE_DIR ?? SHIPPED_KNOWLEDGE_DIR,
      COOLDOWN_SECONDS: process.env.COOLDOWN_SECONDS ?? "0",
      LOG_LEVEL: values.verbose ? "info" : "silent",
      // A file: attached here is served by the loopback Discord, so the import must reach it.
      IMPORT_ALLOW_PRIVATE: process.env.IMPORT_ALLOW_PRIVATE || "true",
    });
  } catch (error) {
    await fake.close();
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let store: KnowledgeStore;
  try {
    store = (await KnowledgeStore.open(config.knowledgeDir)).store;
  } catch (error) {
    await fake.close();
    if (error instanceof KnowledgeError) {
      process.stderr.write(
        `The knowledge folder has errors:\n${error.issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}\n`,
      );
      return 1;
    }
    throw error;
  }
  const bot = createBot({ config, store, logger: createLogger(config.logLevel, [config.token]) });
  await bot.start();
  const playground = new Playground(
    fake,
    (text) => process.stdout.write(text),
    Boolean(process.stdout.isTTY),
  );
  const stop = async () => {
    await bot.stop();
    await fake.close();
  };

  if (values.say && values.say.length > 0) {
    for (const line of values.say) {
      process.stdout.write(`you> ${line}\n`);
      await playground.send(line);
    }
    await stop();
    return 0;
  }
  if (process.stdin.isTTY) process.stdout.write(`${USAGE}\n\n`);
  const input = createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: "you> ",
    terminal: process.stdin.isTTY,
  });
  if (process.stdin.isTTY) input.prompt();
  for await (const line of input) {
    if (/^(quit|exit)$/i.test(line.trim())) break;
    try {
      await playground.send(line);
    } catch (error) {
      process.stdout.write(`(no reply: ${(error as Error).message})\n`);
    }
    if (process.stdin.isTTY) input.prompt();
  }
  input.close();
  await stop();
  return 0;
}

process.exitCode = await main();
