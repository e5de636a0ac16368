import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";

/**
 * A small Discord-compatible server on 127.0.0.1: the REST routes and the gateway the bot uses,
 * with Discord's limits enforced and answered as Discord answers them.
 */
export const APP_ID = "900000000000000001";
export const GUILD_ID = "900000000000000002";
export const CHANNEL_ID = "900000000000000003";
/** A second server; with two shards it goes to shard 0, and GUILD_ID to shard 1. */
export const SECOND_GUILD_ID = "900000000012582912";
export const SECOND_CHANNEL_ID = "900000000000000005";

function channelOf(guildId: string): string {
  return guildId === GUILD_ID
    ? CHANNEL_ID
    : guildId === SECOND_GUILD_ID
      ? SECOND_CHANNEL_ID
      : guildId;
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
export const ADMIN_ROLE_ID = "900000000000000004";
/** The role Discord gives the bot when it joins with the invite's permissions. */
export const BOT_ROLE_ID = "900000000000000006";
/** Channels of GUILD_ID where the bot lacks a permission, and a thread under CHANNEL_ID. */
export const NO_EMBEDS_CHANNEL_ID = "900000000000000007";
export const READ_ONLY_CHANNEL_ID = "900000000000000008";
export const HIDDEN_CHANNEL_ID = "900000000000000009";
export const THREAD_ID = "900000000000000010";

/** Discord's permission bits: https://discord.com/developers/docs/topics/permissions */
export const PERMISSIONS = {
  addReactions: 1n << 6n,
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  readMessageHistory: 1n << 16n,
  sendMessagesInThreads: 1n << 38n,
  administrator: 1n << 3n,
} as const;
/** What the README's invite link grants the bot. */
const INVITE_PERMISSIONS = 274877992000n;
/** The bot's own denials in the restricted channels of GUILD_ID. */
const BOT_DENIED: Record<string, bigint> = {
  [NO_EMBEDS_CHANNEL_ID]: PERMISSIONS.embedLinks,
  [READ_ONLY_CHANNEL_ID]: PERMISSIONS.sendMessages | PERMISSIONS.addReactions,
  [HIDDEN_CHANNEL_ID]: PERMISSIONS.viewChannel,
};
/** The user who owns the application in the Developer Portal. */
export const OWNER_ID = "800000000000000900";
const MANAGE_GUILD = 1n << 5n;
const RESPONSE_DEADLINE_MS = 3000;
/** An interaction's token works for edits and follow-ups this long. */
export const TOKEN_LIFETIME_MS = 15 * 60 * 1000;
/** Requests per second across all routes but interaction callbacks. */
export const GLOBAL_RATE_LIMIT = 50;
/** Invalid requests (401, 403, non-shared 429) in 10 minutes before Discord blocks the address. */
export const INVALID_REQUEST_LIMIT = 10_000;
/** Command creates per day, per application (global) or per server. */
export const DAILY_COMMAND_CREATES = 200;
/** The response types each interaction type takes. */
const RESPONSE_TYPES: Record<number, readonly number[]> = {
  1: [1],
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

export interface User {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export const BOT_USER: User = {
  id: APP_ID,
  username: "dispute-bot",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
};

export function member(id: string, { admin = false, roles = [] as string[] } = {}) {
  return {
    user: {
      id,
      username: `member${id.slice(-4)}`,
      discriminator: "0",
      global_name: null,
      avatar: null,
    },
    roles,
    permissions: (admin ? MANAGE_GUILD : 0n).toString(),
    joined_at: "2024-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
  };
}

export interface TeamMember {
  readonly userId: string;
  readonly role: "admin" | "developer" | "read_only";
  readonly accepted: boolean;
}

export interface RecordedResponse {
  readonly kind:
    | "callback"
    | "edit-original"
    | "followup"
    | "channel-message"
    | "channel-edit"
    | "reaction";
  readonly interactionId?: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
  readonly at: number;
}

interface InteractionState {
  readonly id: string;
  readonly token: string;
  /** 1 ping, 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  readonly type: number;
  createdAt: number;
  /** For a button press: the message the button is on. */
  readonly messageId: string | undefined;
  acknowledged: boolean;
}

type Json = Record<string, unknown>;

let snowflakeCounter = 0n;
/** A Discord id: its creation time (ms since 2015) in the high bits, a counter in the low 22. */
export function snowflake(at: number = Date.now()): string {
  snowflakeCounter = (snowflakeCounter + 1n) % (1n << 22n);
  return ((BigInt(at - 1420070400000) << 22n) + snowflakeCounter).toString();
}

export class FakeDiscord {
  readonly responses: RecordedResponse[] = [];
  readonly rejected: { path: string; status: number; body: Json }[] = [];
  readonly commands = new Map<string, Json[]>();
  commandPuts = 0;
  identifies = 0;
  resumes = 0;
  readonly #interactions = new Map<string, InteractionState>();
  readonly #messages = new Map<string, Json>();
  readonly #failures: {
    method: string;
    path: RegExp;
    remaining: number;
    retryAfter: number;
    /** With quoteToken, the error message quotes the request's Authorization header. */
    refusal?: { status: number; error: Json; quoteToken?: boolean };
  }[] = [];
  readonly #sockets = new Set<WebSocket>();
  #sequence = 0;
  #holdUntil = 0;
  readonly #shards = new Map<WebSocket, [number, number]>();
  readonly #sessions = new Map<string, [number, number]>();
  readonly guilds: readonly string[];
  /** What GET /applications/@me says about who owns the application. */
  owner:
    | { readonly userId: string }
    | { readonly team: readonly TeamMember[]; readonly teamOwnerId: string } = {
    userId: OWNER_ID,
  };
  /** GET /applications/@me requests, to tell that owners are read, and how often. */
  applicationReads = 0;
  readonly #http: Server;
  readonly #gateway: WebSocketServer;
  readonly #waiters = new Set<() => void>();
  readonly #attachments = new Map<string, { bytes: Buffer; contentType: string }>();

  #token: string | undefined;

  private constructor(guilds: readonly string[]) {
    this.guilds = guilds;
    this.#http = createServer((request, response) => void this.#route(request, response));
    this.#gateway = new WebSocketServer({ server: this.#http, path: "/gateway" });
    this.#gateway.on("connection", (socket) => this.#connect(socket));
  }

  /**
   * With `token`, the bot must present it: REST answers any other with 401 (its message quoting
   * the header, as a careless proxy might, so that tests see a token inside an error) and the
   * gateway closes with 4004.
   */
  static async start({
    guilds = [GUILD_ID],
    token,
  }: {
    guilds?: readonly string[];
    token?: string;
  } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(guilds);
    fake.#token = token;
    await new Promise<void>((resolve) => fake.#http.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get port(): number {
    return (this.#http.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#gateway.close(() => resolve()));
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  /** The next `count` requests matching method and path get a 429 with Retry-After. */
  rateLimitNext(method: string, path: RegExp, count: number, retryAfter = 0.2): void {
    this.#failures.push({ method, path, remaining: count, retryAfter });
  }

  /**
   * The next `count` requests matching method and path are refused with Discord's 403 Missing
   * Permissions, as when a permission changed and the bot's cache has not caught up.
   */
  refuseNext(method: string, path: RegExp, count: number, { quoteToken = false } = {}): void {
    this.#failures.push({
      method,
      path,
      remaining: count,
      retryAfter: 0,
      refusal: { status: 403, error: MISSING_PERMISSIONS, quoteToken },
    });
  }

  /**
   * Drops the gateway connection as Discord does before asking a client to resume; with
   * `holdMs`, new connections wait that long for their HELLO, as during an outage.
   */
  dropConnection({ holdMs = 0 } = {}): void {
    this.#holdUntil = Date.now() + holdMs;
    for (const socket of this.#sockets) socket.close(4000, "Unknown error");
  }

  /** Resolves when the predicate holds, checked after every request and gateway frame. */
  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error("timed out waiting for the bot");
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 50);
        this.#waiters.add(wake);
      });
    }
  }

  /** Makes an interaction older, as time passes, to reach its token's end. */
  ageInteraction(interactionId: string, milliseconds: number): void {
    const state = this.#interactions.get(interactionId);
    if (state) state.createdAt -= milliseconds;
  }

  /** The token of an interaction, as the bot receives it in INTERACTION_CREATE. */
  tokenOf(interactionId: string): string | undefined {
    return this.#interactions.get(interactionId)?.token;
  }

  /** Interactions past the 3-second deadline that the bot never acknowledged. */
  get unacknowledged(): string[] {
    const now = Date.now();
    return [...this.#interactions.values()]
      .filter((state) => !state.acknowledged && now - state.createdAt > RESPONSE_DEADLINE_MS)
      .map((state) => state.id);
  }

  /** Invalid requests (401, 403, 429 not shared) counted as Discord counts them. */
  invalidRequests = 0;

  responsesTo(interactionId: string): RecordedResponse[] {
    return this.responses.filter((response) => response.interactionId === interactionId);
  }

  /** Sends an INTERACTION_CREATE; resolves with its id (the bot's responses are recorded). */
  interact(
    type: number,
    data: Json,
    from = member("800000000000000001"),
    message?: Json,
    guildId = GUILD_ID,
    /** How long ago the interaction was created, as when the gateway delivers it late. */
    ageMs = 0,
  ): string {
    const createdAt = Date.now() - ageMs;
    const id = snowflake(createdAt);
    const token = `token-${randomUUID()}`;
    const messageId = typeof message?.id === "string" ? message.id : undefined;
    this.#interactions.set(id, {
      id,
      token,
      type,
      createdAt,
      messageId,
      acknowledged: false,
    });
    this.#dispatch(guildId, "INTERACTION_CREATE", {
      id,
      token,
      type,
      version: 1,
      application_id: APP_ID,
      guild_id: guildId,
      channel_id: channelOf(guildId),
      channel: this.#channel(guildId),
      app_permissions: String(this.botPermissions(channelOf(guildId))),
      member: from,
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": guildId },
      context: 0,
      data,
      ...(message ? { message } : {}),
    });
    return id;
  }

  slash(
    name: string,
    options: Json[] = [],
    from = member("800000000000000001"),
    guildId = GUILD_ID,
    resolved?: Json,
    /** How long ago it was created, as when the gateway delivers it late. */
    ageMs = 0,
  ): string {
    const command = this.#commandFor(name, guildId);
    return this.interact(
      2,
      {
        id: command.id,
        name,
        type: 1,
        ...(options.length > 0 ? { options } : {}),
        ...(resolved ? { resolved } : {}),
      },
      from,
      undefined,
      guildId,
      ageMs,
    );
  }

  /**
   * Hosts a file as Discord's CDN does for an attachment option; returns the attachment as it
   * appears in an interaction's `resolved.attachments`.
   */
  attach(filename: string, bytes: Buffer, contentType = "application/octet-stream"): Json {
    const id = snowflake();
    this.#attachments.set(id, { bytes, contentType });
    const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: bytes.length, url, proxy_url: url, content_type: contentType };
  }

  autocomplete(
    name: string,
    optionName: string,
    value: string,
    from = member("800000000000000001"),
  ): string {
    const command = this.#commandFor(name, GUILD_ID);
    return this.interact(
      4,
      {
        id: command.id,
        name,
        type: 1,
        options: [{ name: optionName, type: 3, value, focused: true }],
      },
      from,
    );
  }

  /** A slash command in a DM with the bot: no server, a user instead of a member. */
  dmSlash(name: string, options: Json[] = [], from = member("800000000000000001").user): string {
    const command = this.#commandFor(name, undefined);
    const id = snowflake();
    const token = `token-${randomUUID()}`;
    this.#interactions.set(id, {
      id,
      token,
      type: 2,
      createdAt: Date.now(),
      messageId: undefined,
      acknowledged: false,
    });
    const channelId = `7${from.id.slice(1)}`;
    this.#dispatchAll("INTERACTION_CREATE", {
      id,
      token,
      type: 2,
      version: 1,
      application_id: APP_ID,
      channel_id: channelId,
      channel: { id: channelId, type: 1, recipients: [from], last_message_id: null, flags: 0 },
      user: from,
      app_permissions: String(INVITE_PERMISSIONS | PERMISSIONS.viewChannel),
      locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": "0" },
      context: 1,
      data: { id: command.id, name, type: 1, ...(options.length > 0 ? { options } : {}) },
    });
    return id;
  }

  press(customId: string, message: Json, from = member("800000000000000001")): string {
    return this.interact(3, { custom_id: customId, component_type: 2 }, from, message);
  }

  /**
   * A member's MESSAGE_CREATE. As for a bot without the MessageContent intent, the content
   * reaches the bot only when the message mentions it (or its role).
   */
  say(
    content: string,
    {
      author = member("800000000000000001").user as User,
      mentionsBot = false,
      mentionsBotRole = false,
      guildId = GUILD_ID,
      channelId = channelOf(guildId),
    } = {},
  ): string {
    const id = snowflake();
    const said = this.#message(id, { content, embeds: [], components: [] }, author, channelId);
    this.#messages.set(id, said);
    const delivered = mentionsBot || mentionsBotRole;
    this.#dispatch(guildId, "MESSAGE_CREATE", {
      ...said,
      content: delivered ? content : "",
      mentions: mentionsBot ? [BOT_USER] : [],
      mention_roles: mentionsBotRole ? [BOT_ROLE_ID] : [],
      member: {
        roles: [],
        joined_at: "2024-01-01T00:00:00.000Z",
        deaf: false,
        mute: false,
        flags: 0,
      },
      guild_id: guildId,
    });
    return id;
  }

  #ownerFields(): Json {
    const user = (id: string) => member(id).user;
    if ("userId" in this.owner) return { owner: user(this.owner.userId), team: null };
    const teamId = "900000000000000099";
    return {
      owner: { ...user(teamId), username: `team${teamId}`, flags: 1024 },
      team: {
        id: teamId,
        name: "Operators",
        icon: null,
        owner_user_id: this.owner.teamOwnerId,
        members: this.owner.team.map(({ userId, role, accepted }) => ({
          user: user(userId),
          team_id: teamId,
          role,
          membership_state: accepted ? 2 : 1,
          permissions: ["*"],
        })),
      },
    };
  }

  message(id: string): Json | undefined {
    return this.#messages.get(id);
  }

  /**
   * The command a member can pick in a server (global or that server's), or in a DM (global
   * ones usable there); Discord shows no other, so a test may not send one.
   */
  #commandFor(name: string, guildId: string | undefined): Json {
    const scopes = guildId ? ["global", guildId] : ["global"];
    const command = scopes
      .flatMap((scope) => this.commands.get(scope) ?? [])
      .find(
        (candidate) =>
          candidate.name === name &&
          (guildId !== undefined ||
            !Array.isArray(candidate.contexts) ||
            candidate.contexts.includes(1)),
      );
    if (!command)
      throw new Error(`Discord shows no /${name} ${guildId ? `in server ${guildId}` : "in DMs"}`);
    return command;
  }

  /** The text channels of a server: GUILD_ID also has the restricted ones. */
  #channels(guildId: string): Json[] {
    const ids =
      guildId === GUILD_ID
        ? [CHANNEL_ID, NO_EMBEDS_CHANNEL_ID, READ_ONLY_CHANNEL_ID, HIDDEN_CHANNEL_ID]
        : [channelOf(guildId)];
    return ids.map((id, position) => ({
      id,
      type: 0,
      guild_id: guildId,
      name: position === 0 ? "general" : `restricted-${position}`,
      position,
      permission_overwrites:
        BOT_DENIED[id] === undefined
          ? []
          : [{ id: APP_ID, type: 1, allow: "0", deny: String(BOT_DENIED[id]) }],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    }));
  }

  #threads(guildId: string): Json[] {
    if (guildId !== GUILD_ID) return [];
    return [
      {
        id: THREAD_ID,
        type: 11,
        guild_id: guildId,
        parent_id: CHANNEL_ID,
        name: "a thread",
        owner_id: "800000000000000001",
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
        member_count: 1,
        message_count: 0,
        total_message_sent: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: "2024-01-01T00:00:00.000Z",
          locked: false,
        },
      },
    ];
  }

  #channel(guildId: string, channelId = channelOf(guildId)): Json | undefined {
    return [...this.#channels(guildId), ...this.#threads(guildId)].find(
      (channel) => channel.id === channelId,
    );
  }

  /** The server a channel or thread belongs to, if the fake knows it. */
  #guildOfChannel(channelId: string): string | undefined {
    return this.guilds.find((guildId) => this.#channel(guildId, channelId));
  }

  /**
   * The bot's permissions in a channel, computed as Discord does: @everyone and its role, then
   * the channel's overwrites; a thread has its parent's.
   */
  botPermissions(channelId: string): bigint {
    const guildId = this.#guildOfChannel(channelId);
    if (!guildId) return 0n;
    const channel = this.#channel(guildId, channelId) as Json;
    const parentId = typeof channel.parent_id === "string" ? channel.parent_id : channelId;
    let allowed = 1024n | INVITE_PERMISSIONS;
    if (allowed & PERMISSIONS.administrator) return ~0n;
    const denied = BOT_DENIED[parentId] ?? 0n;
    allowed &= ~denied;
    return allowed;
  }

  #message(id: string, body: Json, author: User = BOT_USER, channelId = CHANNEL_ID): Json {
    return {
      id,
      channel_id: channelId,
      author,
      content: body.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: 0,
      flags: body.flags ?? 0,
    };
  }

  #notify(): void {
    for (const wake of [...this.#waiters]) wake();
  }

  // ---- gateway ----

  #connect(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on("close", () => {
      this.#sockets.delete(socket);
      this.#notify();
    });
    const hello = () =>
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    const wait = this.#holdUntil - Date.now();
    if (wait > 0) setTimeout(hello, wait);
    else hello();
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: Json };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (frame.op === 2) this.#identify(socket, frame.d);
      else if (frame.op === 6) {
        this.resumes += 1;
        const shard = this.#sessions.get(String(frame.d.session_id)) ?? [0, 1];
        this.#shards.set(socket, shard);
        this.#send(socket, "RESUMED", {});
      }
      this.#notify();
    });
  }

  /** Shards connected now, as [id, count]: open sockets that have identified or resumed. */
  get connectedShards(): [number, number][] {
    return [...this.#sockets].flatMap((socket) => {
      const shard = this.#shards.get(socket);
      return socket.readyState === WebSocket.OPEN && shard ? [shard] : [];
    });
  }

  #identify(socket: WebSocket, data: Json): void {
    this.identifies += 1;
    if (
      this.#token !== undefined &&
      data.token !== this.#token &&
      data.token !== `Bot ${this.#token}`
    ) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const shard = (Array.isArray(data.shard) ? data.shard : [0, 1]) as [number, number];
    this.#shards.set(socket, shard);
    const sessionId = randomUUID();
    this.#sessions.set(sessionId, shard);
    const guilds = this.guilds.filter((guild) => shardOf(guild, shard[1]) === shard[0]);
    this.#send(socket, "READY", {
      v: 10,
      user: { ...BOT_USER, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      application: { id: APP_ID, flags: 0 },
      private_channels: [],
      relationships: [],
      shard,
    });
    for (const guildId of guilds) this.#send(socket, "GUILD_CREATE", this.#guild(guildId));
  }

  #guild(guildId: string): Json {
    return {
      id: guildId,
      name: guildId === GUILD_ID ? "Test server" : "Second server",
      icon: null,
      owner_id: "800000000000000999",
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: guildId,
          name: "@everyone",
          permissions: "1024",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: BOT_ROLE_ID,
          name: "dispute-bot",
          permissions: String(INVITE_PERMISSIONS),
          position: 2,
          color: 0,
          hoist: false,
          managed: true,
          mentionable: false,
          flags: 0,
          tags: { bot_id: APP_ID },
        },
        {
          id: ADMIN_ROLE_ID,
          name: "Knowledge keepers",
          permissions: "1024",
          position: 1,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: "en-US",
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: "2024-01-01T00:00:00.000Z",
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [
        {
          user: BOT_USER,
          roles: [BOT_ROLE_ID],
          joined_at: "2024-01-01T00:00:00.000Z",
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      channels: this.#channels(guildId),
      threads: this.#threads(guildId),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  #send(socket: WebSocket, type: string, data: Json): void {
    this.#sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: type, s: this.#sequence, d: data }));
  }

  /** Sends an event that belongs to no server (a DM) to shard 0, as Discord does. */
  #dispatchAll(type: string, data: Json): void {
    for (const socket of this.#sockets) {
      const [id] = this.#shards.get(socket) ?? [0, 1];
      if (socket.readyState === WebSocket.OPEN && id === 0) this.#send(socket, type, data);
    }
  }

  /** Sends an event to the shard that owns the guild, as Discord does. */
  #dispatch(guildId: string, type: string, data: Json): void {
    for (const socket of this.#sockets) {
      const [id, count] = this.#shards.get(socket) ?? [0, 1];
      if (socket.readyState === WebSocket.OPEN && shardOf(guildId, count) === id)
        this.#send(socket, type, data);
    }
  }

  // ---- REST ----

  async #route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const attachment = this.#attachments.get(
      /^\/attachments\/(\d+)\//.exec(url.pathname)?.[1] ?? "",
    );
    if (attachment) {
      response.writeHead(200, { "content-type": attachment.contentType }).end(attachment.bytes);
      return;
    }
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, "");
    const method = request.method ?? "GET";
    let raw = "";
    for await (const chunk of request) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Json) : {};
    const bucket = bucketOf(method, path);
    const limits = bucket ? this.#take(bucket) : undefined;
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      const all = { ...limits?.headers, ...headers };
      response.writeHead(
        status,
        payload === undefined ? all : { "content-type": "application/json", ...all },
      );
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
      if (status >= 400 && status !== 429)
        this.rejected.push({ path, status, body: payload as Json });
      if (
        status === 401 ||
        status === 403 ||
        (status === 429 && all["x-ratelimit-scope"] !== "shared")
      )
        this.#countInvalid();
      this.#notify();
    };
    const authorization = request.headers.authorization ?? "";
    const needsToken = !/^\/(interactions|webhooks)\//.test(path);
    if (this.#token !== undefined && needsToken && authorization !== `Bot ${this.#token}`) {
      send(401, { message: `401: Unauthorized (got "${authorization}")`, code: 0 });
      return;
    }
    if (this.#blockedUntil > Date.now()) {
      send(429, {
        message:
          "You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently.",
        code: 0,
      });
      return;
    }
    const isCallback = /^\/interactions\//.test(path);
    if (!isCallback && !this.#takeGlobal()) {
      send(
        429,
        { message: "You are being rate limited.", retry_after: 1, global: true },
        { "retry-after": "1", "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
      );
      return;
    }
    if (limits?.limited) {
      send(
        429,
        { message: "You are being rate limited.", retry_after: limits.resetAfter, global: false },
        { "retry-after": String(Math.ceil(limits.resetAfter)), "x-ratelimit-scope": "user" },
      );
      return;
    }
    const failure = this.#failures.find(
      (candidate) =>
        candidate.remaining > 0 && candidate.method === method && candidate.path.test(path),
    );
    if (failure?.refusal) {
      failure.remaining -= 1;
      const { status, error, quoteToken } = failure.refusal;
      send(
        status,
        quoteToken
          ? { ...error, message: `${error.message} for ${request.headers.authorization}` }
          : error,
      );
      return;
    }
    if (failure) {
      failure.remaining -= 1;
      send(
        429,
        { message: "You are being rate limited.", retry_after: failure.retryAfter, global: false },
        {
          "retry-after": String(Math.ceil(failure.retryAfter)),
          "x-ratelimit-limit": "5",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset-after": String(failure.retryAfter),
          "x-ratelimit-bucket": "fake-bucket",
          "x-ratelimit-scope": "user",
        },
      );
      return;
    }
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    const callback =
      method === "POST" ? /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path) : null;
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(%40original|@original|\d+))?$/.exec(
      path,
    );
    const channelPost = method === "POST" ? /^\/channels\/(\d+)\/messages$/.exec(path) : null;
    const channelPatch =
      method === "PATCH" ? /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path) : null;
    const reaction =
      method === "PUT"
        ? /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/(?:@|%40)me$/.exec(path)
        : null;
    if (method === "GET" && path === "/applications/@me") {
      this.applicationReads += 1;
      send(200, {
        id: APP_ID,
        name: "dispute-bot",
        icon: null,
        description: "",
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: "0",
        flags: 0,
        ...this.#ownerFields(),
      });
    } else if (method === "GET" && path === "/gateway/bot") {
      send(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.guilds.length,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    } else if (commands) {
      const scope = commands[2] ?? "global";
      if (method === "GET") send(200, this.commands.get(scope) ?? []);
      else if (method === "PUT") {
        const problems = validateCommands(body as unknown as Json[]);
        if (problems) {
          send(400, invalidForm(problems));
          return;
        }
        const known = new Set((this.commands.get(scope) ?? []).map((command) => command.name));
        const creates = (body as unknown as Json[]).filter((command) => !known.has(command.name));
        if (!this.#takeCreates(scope, creates.length)) {
          send(
            429,
            {
              message: `Max number of daily application command creates has been reached (${DAILY_COMMAND_CREATES})`,
              code: 30034,
              retry_after: 86_400,
              global: false,
            },
            { "retry-after": "86400", "x-ratelimit-scope": "shared" },
          );
          return;
        }
        this.commandPuts += 1;
        const stored = (body as unknown as Json[]).map((command) => ({
          id: snowflake(),
          application_id: APP_ID,
          version: snowflake(),
          type: 1,
          ...(commands?.[2] ? { guild_id: commands[2] } : {}),
          default_member_permissions: null,
          nsfw: false,
          ...command,
        }));
        this.commands.set(scope, stored);
        send(200, stored);
      } else send(405, { message: "405: Method Not Allowed", code: 0 });
    } else if (callback) {
      this.#callback(
        callback[1] ?? "",
        callback[2] ?? "",
        body,
        url.searchParams.get("with_response") === "true",
        send,
      );
    } else if (webhook) {
      const state = [...this.#interactions.values()].find(
        (candidate) => candidate.token === webhook?.[2],
      );
      if (!state) {
        send(404, { message: "Unknown Webhook", code: 10015 });
        return;
      }
      if (Date.now() - state.createdAt > TOKEN_LIFETIME_MS) {
        send(401, { message: "Invalid Webhook Token", code: 50027 });
        return;
      }
      if (!state.acknowledged) {
        send(404, { message: "Unknown Message", code: 10008 });
        return;
      }
      const problems =
        validateMessage(body) ?? (method === "POST" ? emptyMessage(body) : undefined);
      if (problems) {
        send(400, problems.code ? problems : invalidForm(problems));
        return;
      }
      const originalId = `original-${state.id}`;
      if (method === "PATCH") {
        const existing = this.#messages.get(originalId) ?? this.#message(originalId, {});
        const edited = { ...existing, ...body, edited_timestamp: new Date().toISOString() };
        this.#messages.set(originalId, edited);
        this.#record("edit-original", state.id, body, 200);
        send(200, edited);
      } else if (method === "POST") {
        const id = snowflake();
        const created = this.#message(id, body);
        this.#messages.set(id, created);
        this.#record("followup", state.id, body, 200);
        send(200, created);
      } else send(405, { message: "405: Method Not Allowed", code: 0 });
    } else if (channelPost) {
      const channelId = channelPost[1] ?? "";
      const problems = validateMessage(body) ?? emptyMessage(body);
      if (problems) {
        send(400, problems.code ? problems : invalidForm(problems));
        return;
      }
      const refusal = this.#refuseToPost(channelId, body);
      if (refusal) {
        send(refusal.status, refusal.error);
        return;
      }
      // Without Embed Links, Discord drops the embeds of a message that has content.
      if (!(this.botPermissions(channelId) & PERMISSIONS.embedLinks)) delete body.embeds;
      const id = snowflake();
      const created = {
        ...this.#message(id, body, BOT_USER, channelId),
        message_reference: body.message_reference,
      };
      this.#messages.set(id, created);
      this.#record("channel-message", undefined, { ...body, id }, 200);
      send(200, created);
    } else if (channelPatch) {
      const existing = this.#messages.get(channelPatch[2] ?? "");
      if (!existing) {
        send(404, { message: "Unknown Message", code: 10008 });
        return;
      }
      const problems = validateMessage(body);
      if (problems) {
        send(400, invalidForm(problems));
        return;
      }
      const edited = { ...existing, ...body, edited_timestamp: new Date().toISOString() };
      this.#messages.set(channelPatch[2] ?? "", edited);
      this.#record("channel-edit", undefined, { ...body, id: channelPatch[2] }, 200);
      send(200, edited);
    } else if (reaction) {
      const permissions = this.botPermissions(reaction[1] ?? "");
      if (!(permissions & PERMISSIONS.viewChannel)) {
        send(403, MISSING_ACCESS);
        return;
      }
      if (
        !(permissions & PERMISSIONS.readMessageHistory) ||
        !(permissions & PERMISSIONS.addReactions)
      ) {
        send(403, MISSING_PERMISSIONS);
        return;
      }
      if (!this.#messages.has(reaction[2] ?? "")) {
        send(404, { message: "Unknown Message", code: 10008 });
        return;
      }
      const emoji = decodeURIComponent(reaction[3] ?? "");
      this.#record("reaction", undefined, { message_id: reaction[2], emoji }, 204);
      send(204);
    } else {
      send(404, { message: "404: Not Found", code: 0 });
    }
  }

  readonly #buckets = new Map<string, { used: number; resetAt: number }>();
  #globalSecond = { count: 0, since: 0 };
  #invalidWindow = { count: 0, since: 0 };
  #blockedUntil = 0;
  readonly #creates = new Map<string, { count: number; since: number }>();

  /** One request against a route's bucket; the headers Discord sends with it. */
  #take(bucket: Bucket): { limited: boolean; resetAfter: number; headers: Record<string, string> } {
    const now = Date.now();
    let state = this.#buckets.get(bucket.key);
    if (!state || now >= state.resetAt) {
      state = { used: 0, resetAt: now + bucket.windowMs };
      this.#buckets.set(bucket.key, state);
    }
    const limited = state.used >= bucket.limit;
    if (!limited) state.used += 1;
    const resetAfter = (state.resetAt - now) / 1000;
    return {
      limited,
      resetAfter,
      headers: {
        "x-ratelimit-limit": String(bucket.limit),
        "x-ratelimit-remaining": String(Math.max(0, bucket.limit - state.used)),
        "x-ratelimit-reset": String(state.resetAt / 1000),
        "x-ratelimit-reset-after": resetAfter.toFixed(3),
        "x-ratelimit-bucket": bucket.name,
      },
    };
  }

  #takeGlobal(): boolean {
    const now = Date.now();
    if (now - this.#globalSecond.since >= 1000) this.#globalSecond = { count: 0, since: now };
    this.#globalSecond.count += 1;
    return this.#globalSecond.count <= GLOBAL_RATE_LIMIT;
  }

  #countInvalid(): void {
    const now = Date.now();
    if (now - this.#invalidWindow.since >= 10 * 60 * 1000)
      this.#invalidWindow = { count: 0, since: now };
    this.#invalidWindow.count += 1;
    this.invalidRequests += 1;
    if (this.#invalidWindow.count >= INVALID_REQUEST_LIMIT)
      this.#blockedUntil = now + 60 * 60 * 1000;
  }

  #takeCreates(scope: string, count: number): boolean {
    const now = Date.now();
    let day = this.#creates.get(scope);
    if (!day || now - day.since >= 86_400_000) day = { count: 0, since: now };
    if (day.count + count > DAILY_COMMAND_CREATES) return false;
    day.count += count;
    this.#creates.set(scope, day);
    return true;
  }

  /** Why Discord would refuse the bot's new message in a channel, as Discord says it. */
  #refuseToPost(channelId: string, body: Json): { status: number; error: Json } | undefined {
    const permissions = this.botPermissions(channelId);
    const guildId = this.#guildOfChannel(channelId);
    const isThread = guildId !== undefined && this.#channel(guildId, channelId)?.type === 11;
    if (!(permissions & PERMISSIONS.viewChannel)) return { status: 403, error: MISSING_ACCESS };
    const sendBit = isThread ? PERMISSIONS.sendMessagesInThreads : PERMISSIONS.sendMessages;
    if (!(permissions & sendBit)) return { status: 403, error: MISSING_PERMISSIONS };
    if (body.message_reference && !(permissions & PERMISSIONS.readMessageHistory))
      return {
        status: 400,
        error: {
          message: "Cannot reply without permission to read message history",
          code: 160002,
        },
      };
    const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
    if (hasEmbeds && !body.content && !(permissions & PERMISSIONS.embedLinks))
      return { status: 403, error: MISSING_PERMISSIONS };
    return undefined;
  }

  #record(
    kind: RecordedResponse["kind"],
    interactionId: string | undefined,
    body: Json,
    status: number,
  ): void {
    this.responses.push({
      kind,
      ...(interactionId ? { interactionId } : {}),
      body,
      status,
      at: Date.now(),
    });
  }

  #callback(
    id: string,
    token: string,
    body: Json,
    withResponse: boolean,
    send: (status: number, payload?: unknown) => void,
  ): void {
    const state = this.#interactions.get(id);
    if (!state || state.token !== token || Date.now() - state.createdAt > RESPONSE_DEADLINE_MS) {
      send(404, { message: "Unknown interaction", code: 10062 });
      return;
    }
    if (state.acknowledged) {
      send(400, { message: "Interaction has already been acknowledged.", code: 40060 });
      return;
    }
    if (!(RESPONSE_TYPES[state.type] ?? []).includes(Number(body.type))) {
      send(
        400,
        invalidForm({
          type: `Response type ${String(body.type)} is not valid for an interaction of type ${state.type}`,
        }),
      );
      return;
    }
    const data = (body.data ?? {}) as Json;
    const problems =
      body.type === 8
        ? validateChoices(data)
        : (validateMessage(data) ?? (body.type === 4 ? emptyMessage(data) : undefined));
    if (problems) {
      send(400, problems.code ? problems : invalidForm(problems));
      return;
    }
    state.acknowledged = true;
    const originalId = `original-${id}`;
    if (body.type === 4 || body.type === 5)
      this.#messages.set(originalId, this.#message(originalId, data));
    const pressed = state.messageId ? this.#messages.get(state.messageId) : undefined;
    if (body.type === 7 && pressed && state.messageId) {
      this.#messages.set(state.messageId, {
        ...pressed,
        ...data,
        edited_timestamp: new Date().toISOString(),
      });
    }
    this.#record("callback", id, body, withResponse ? 200 : 204);
    if (!withResponse) {
      send(204);
      return;
    }
    send(200, {
      interaction: { id, type: 2 },
      resource: { type: body.type, message: this.#messages.get(originalId) },
    });
  }
}

interface Bucket {
  readonly key: string;
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

/** The per-route limits Discord applies to the routes the bot uses (the figures Discord sends). */
function bucketOf(method: string, path: string): Bucket | undefined {
  const reaction = /^\/channels\/(\d+)\/messages\/\d+\/reactions\//.exec(path);
  if (reaction)
    return { key: `reaction:${reaction[1]}`, name: "reactions", limit: 1, windowMs: 250 };
  const messages = /^\/channels\/(\d+)\/messages/.exec(path);
  if (messages && method !== "GET")
    return {
      key: `${method}:messages:${messages[1]}`,
      name: `messages-${method}`,
      limit: 5,
      windowMs: 5000,
    };
  const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(path);
  if (webhook) return { key: `webhook:${webhook[1]}`, name: "webhook", limit: 5, windowMs: 2000 };
  return undefined;
}

const MISSING_ACCESS = { message: "Missing Access", code: 50001 };
const MISSING_PERMISSIONS = { message: "Missing Permissions", code: 50013 };

/** A new message needs content, an embed, a component, a sticker or a file. */
function emptyMessage(body: Json): Json | undefined {
  const some = (field: string) =>
    Array.isArray(body[field]) && (body[field] as unknown[]).length > 0;
  if (
    body.content ||
    some("embeds") ||
    some("components") ||
    some("sticker_ids") ||
    some("attachments")
  )
    return undefined;
  return { message: "Cannot send an empty message", code: 50006 };
}

function invalidForm(errors: Json): Json {
  return { code: 50035, message: "Invalid Form Body", errors };
}

function tooLong(value: unknown, max: number): boolean {
  return typeof value === "string" && value.length > max;
}

/** Discord's message limits: https://discord.com/developers/docs/resources/message */
export function validateMessage(body: Json): Json | undefined {
  const errors: Json = {};
  if (tooLong(body.content, 2000)) errors.content = "Must be 2000 or fewer in length.";
  const embeds = (body.embeds ?? []) as Json[];
  if (embeds.length > 10) errors.embeds = "Must be 10 or fewer in length.";
  let total = 0;
  embeds.forEach((embed, index) => {
    const footer = (embed.footer ?? {}) as Json;
    const fields = (embed.fields ?? []) as Json[];
    if (tooLong(embed.title, 256))
      errors[`embeds.${index}.title`] = "Must be 256 or fewer in length.";
    const author = (embed.author ?? {}) as Json;
    if (tooLong(author.name, 256))
      errors[`embeds.${index}.author.name`] = "Must be 256 or fewer in length.";
    if (tooLong(embed.description, 4096))
      errors[`embeds.${index}.description`] = "Must be 4096 or fewer in length.";
    if (tooLong(footer.text, 2048))
      errors[`embeds.${index}.footer.text`] = "Must be 2048 or fewer in length.";
    if (fields.length > 25) errors[`embeds.${index}.fields`] = "Must be 25 or fewer in length.";
    fields.forEach((field, fieldIndex) => {
      if (tooLong(field.value, 1024))
        errors[`embeds.${index}.fields.${fieldIndex}.value`] = "Must be 1024 or fewer in length.";
      if (tooLong(field.name, 256))
        errors[`embeds.${index}.fields.${fieldIndex}.name`] = "Must be 256 or fewer in length.";
      total += String(field.value ?? "").length + String(field.name ?? "").length;
    });
    total +=
      String(author.name ?? "").length +
      String(embed.title ?? "").length +
      String(embed.description ?? "").length +
      String(footer.text ?? "").length;
  });
  if (total > 6000) errors.embeds = "Embed size exceeds maximum size of 6000";
  const rows = (body.components ?? []) as Json[];
  if (rows.length > 5) errors.components = "Must be 5 or fewer in length.";
  const customIds = new Set<string>();
  for (const row of rows) {
    const buttons = (row.components ?? []) as Json[];
    if (row.type !== 1)
      errors.components = "Each top-level component must be an action row (type 1).";
    if (buttons.length < 1 || buttons.length > 5)
      errors.components = "An action row holds 1 to 5 buttons.";
    for (const button of buttons) {
      if (typeof button.custom_id === "string") {
        if (customIds.has(button.custom_id))
          errors.components = "Component custom id cannot be duplicated";
        customIds.add(button.custom_id);
      }
      if (tooLong(button.label, 80))
        errors.components = "Button label must be 80 or fewer in length.";
      if (tooLong(button.custom_id, 100))
        errors.components = "custom_id must be 100 or fewer in length.";
      if (button.style === 5 ? !button.url || button.custom_id : !button.custom_id || button.url)
        errors.components =
          "A link button needs a url and no custom_id; others a custom_id and no url.";
    }
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function validateChoices(data: Json): Json | undefined {
  const choices = (data.choices ?? []) as Json[];
  if (choices.length > 25) return { choices: "Must be 25 or fewer in length." };
  const bad = choices.findIndex(
    (choice) =>
      typeof choice.name !== "string" ||
      choice.name.length < 1 ||
      choice.name.length > 100 ||
      tooLong(choice.value, 100),
  );
  return bad >= 0
    ? { [`choices.${bad}`]: "name must be 1-100 characters, value at most 100" }
    : undefined;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommands(commands: Json[]): Json | undefined {
  if (!Array.isArray(commands) || commands.length > 100)
    return { _errors: "Must be a list of at most 100 commands." };
  const errors: Json = {};
  const names = new Set<string>();
  commands.forEach((command, index) => {
    const name = String(command.name ?? "");
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase())
      errors[`${index}.name`] = "Command name is invalid";
    if (names.has(name)) errors[`${index}.name`] = "Application command names must be unique";
    names.add(name);
    const description = String(command.description ?? "");
    if (description.length < 1 || description.length > 100)
      errors[`${index}.description`] = "Must be between 1 and 100 in length.";
    const options = (command.options ?? []) as Json[];
    if (options.length > 25) errors[`${index}.options`] = "Must be 25 or fewer in length.";
    let optionalSeen = false;
    let characters = name.length + description.length;
    options.forEach((option, at) => {
      const optionName = String(option.name ?? "");
      if (!COMMAND_NAME.test(optionName) || optionName !== optionName.toLowerCase())
        errors[`${index}.options.${at}.name`] = "Option name is invalid";
      const optionDescription = String(option.description ?? "");
      if (optionDescription.length < 1 || optionDescription.length > 100)
        errors[`${index}.options.${at}.description`] = "Must be between 1 and 100 in length.";
      if (option.required && optionalSeen)
        errors[`${index}.options.${at}.required`] =
          "Required options must be placed before non-required options";
      if (!option.required) optionalSeen = true;
      const choices = (option.choices ?? []) as Json[];
      if (choices.length > 25)
        errors[`${index}.options.${at}.choices`] = "Must be 25 or fewer in length.";
      if (choices.length > 0 && option.autocomplete)
        errors[`${index}.options.${at}.autocomplete`] = "Autocomplete cannot be set with choices";
      characters += optionName.length + optionDescription.length;
      for (const choice of choices)
        characters += String(choice.name ?? "").length + String(choice.value ?? "").length;
    });
    if (characters > 8000) errors[`${index}`] = "Command exceeds maximum size (8000)";
  });
  return Object.keys(errors).length > 0 ? errors : undefined;
}
