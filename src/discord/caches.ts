import { type ClientOptions, Options } from "discord.js";

/**
 * What discord.js may keep, for a bot that answers the message or interaction in hand and never
 * reads old messages: without limits it keeps every user and member who ever wrote, and 200
 * messages per channel, for good.
 */
export const CACHE_LIMITS = {
  /** Messages are never read again once answered. */
  messages: 0,
  /** The authors of recent messages; the bot's own user is always kept. */
  users: 1000,
  /** Members per server; the bot's own member is always kept (its permissions are read). */
  members: 200,
} as const;

export function cacheOptions(): Pick<ClientOptions, "makeCache" | "sweepers"> {
  return {
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: CACHE_LIMITS.messages,
      UserManager: {
        maxSize: CACHE_LIMITS.users,
        keepOverLimit: (user) => user.id === user.client.user?.id,
      },
      GuildMemberManager: {
        maxSize: CACHE_LIMITS.members,
        keepOverLimit: (member) => member.id === member.client.user?.id,
      },
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      GuildStickerManager: 0,
      AutoModerationRuleManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      // Members and users who have not been seen for an hour go, within the limits above.
      users: { interval: 3600, filter: () => (user) => user.id !== user.client.user?.id },
      guildMembers: {
        interval: 3600,
        filter: () => (member) => member.id !== member.client.user?.id,
      },
    },
  };
}
