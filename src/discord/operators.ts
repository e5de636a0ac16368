import {
  type APIApplication,
  type APIInteractionGuildMember,
  type GuildMember,
  Routes,
} from "discord.js";
import type { BotContext } from "./context.ts";

/** How long the application's owners, read from Discord, are trusted before they are read again. */
export const OWNERS_TTL_MS = 10 * 60 * 1000;
/** Team members in this state have accepted the invitation (1 is invited). */
const ACCEPTED = 2;

/** Who acts: what every interaction has, whatever its kind. */
export interface Actor {
  readonly user: { readonly id: string };
  readonly guildId: string | null;
  readonly member: GuildMember | APIInteractionGuildMember | null;
}

interface Owners {
  readonly ids: ReadonlySet<string>;
  readonly at: number;
}

/** One cache per client, so that every shard and every test bot reads its own application. */
const ownersByClient = new WeakMap<object, Owners>();
const refreshing = new WeakMap<object, Promise<ReadonlySet<string>>>();

async function readOwners(context: BotContext): Promise<ReadonlySet<string>> {
  const cached = ownersByClient.get(context.client);
  try {
    const application = (await context.client.rest.get(Routes.currentApplication())) as Pick<
      APIApplication,
      "owner" | "team"
    >;
    const ids = new Set<string>();
    if (application.team) {
      ids.add(application.team.owner_user_id);
      for (const member of application.team.members)
        if (member.membership_state === ACCEPTED && member.role !== "read_only")
          ids.add(member.user.id);
    } else if (application.owner) ids.add(application.owner.id);
    ownersByClient.set(context.client, { ids, at: Date.now() });
    return ids;
  } catch (error) {
    context.logger.warn("could not read the application's owners", { error });
    return cached?.ids ?? new Set();
  } finally {
    refreshing.delete(context.client);
  }
}

/**
 * The application's owner, or its team's owner and accepted members (read-only members
 * excepted), from GET /applications/@me. Once read, the answer is served at once and read again
 * in the background after OWNERS_TTL_MS, so that no interaction waits on it near its deadline.
 * When Discord cannot be asked, the last answer stands; with none, nobody is an owner.
 */
export async function applicationOwners(context: BotContext): Promise<ReadonlySet<string>> {
  const cached = ownersByClient.get(context.client);
  const stale = !cached || Date.now() - cached.at >= OWNERS_TTL_MS;
  let reading = refreshing.get(context.client);
  if (stale && !reading) {
    reading = readOwners(context);
    refreshing.set(context.client, reading);
  }
  return cached ? cached.ids : (reading ?? new Set<string>());
}

function roleIdsOf(member: Actor["member"]): readonly string[] {
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
}

/**
 * Whether the actor operates this bot, and so may reload or change its knowledge: the
 * application's owner or team member, a user in ADMIN_USER_IDS, or a member holding a role of
 * ADMIN_ROLE_IDS inside ADMIN_GUILD_ID (roles in any other server count for nothing). A server's
 * own permissions never make anyone an operator: the bot is public and its knowledge is shared.
 */
export async function isOperator(context: BotContext, actor: Actor): Promise<boolean> {
  const { adminUserIds, adminRoleIds, adminGuildId } = context.config;
  if (adminUserIds.includes(actor.user.id)) return true;
  if (
    adminGuildId !== undefined &&
    actor.guildId === adminGuildId &&
    roleIdsOf(actor.member).some((role) => adminRoleIds.includes(role))
  )
    return true;
  return (await applicationOwners(context)).has(actor.user.id);
}
