import { type REST, type RESTPutAPIApplicationCommandsJSONBody, Routes } from "discord.js";
import type { SlashCommand } from "./commands/types.ts";

/** Where a set of commands is registered: one server, or every server (global). */
export interface CommandScope {
  /** undefined: global. */
  readonly guildId: string | undefined;
  readonly bodies: RESTPutAPIApplicationCommandsJSONBody;
}

/**
 * Where each command goes: the public ones in DISCORD_GUILD_ID (development) or globally; the
 * admin ones only in the operators' server, ADMIN_GUILD_ID. When both are the same server they
 * share one registration, since a registration replaces every command of its scope. Without an
 * operators' server the admin commands are not registered at all.
 */
export function commandScopes(
  commands: readonly SlashCommand[],
  { guildId, adminGuildId }: { guildId: string | undefined; adminGuildId: string | undefined },
): CommandScope[] {
  const publicBodies = commandBodies(commands.filter((command) => !command.admin));
  const adminBodies = commandBodies(commands.filter((command) => command.admin));
  if (adminGuildId === undefined || adminBodies.length === 0)
    return [{ guildId, bodies: publicBodies }];
  if (adminGuildId === guildId) return [{ guildId, bodies: [...publicBodies, ...adminBodies] }];
  return [
    { guildId, bodies: publicBodies },
    { guildId: adminGuildId, bodies: adminBodies },
  ];
}

/** Says where a scope's commands appear, for logs and the CLI. */
export function scopeName(guildId: string | undefined): string {
  return guildId ? `server ${guildId}` : "global";
}

export function commandBodies(
  commands: readonly SlashCommand[],
): RESTPutAPIApplicationCommandsJSONBody {
  return commands.map((command) => command.data);
}

/** A stable text of what Discord would store, to tell whether anything changed. */
export function commandFingerprint(bodies: readonly object[]): string {
  const fields = ["name", "description", "type", "options", "default_member_permissions"] as const;
  const normalised = bodies
    .map((body) => {
      const record = body as Record<string, unknown>;
      return Object.fromEntries(
        fields.map((field) => [
          field,
          field === "type" ? (record[field] ?? 1) : (record[field] ?? null),
        ]),
      );
    })
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return JSON.stringify(normalised, (_key, value) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined && v !== false)
            .sort(),
        )
      : value,
  );
}

export function commandsRoute(applicationId: string, guildId: string | undefined): `/${string}` {
  return guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
}

/** A command as Discord holds it: its id is what a clickable mention `</name:id>` needs. */
export interface RegisteredCommand {
  readonly id: string;
  readonly name: string;
}

/** Replaces the registered commands: in one server when guildId is set (instant), else globally. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  bodies: RESTPutAPIApplicationCommandsJSONBody,
): Promise<RegisteredCommand[]> {
  return (await rest.put(commandsRoute(applicationId, guildId), {
    body: bodies,
  })) as RegisteredCommand[];
}

/**
 * The ids Discord gave the commands, by name. A name without an id calls `onMissing`: a host
 * that does not register the commands reads them again, since the host with shard 0 may have
 * registered new topics after this one last read them.
 */
export class CommandIds extends Map<string, string> {
  readonly #onMissing: () => void;

  constructor(onMissing: () => void = () => {}) {
    super();
    this.#onMissing = onMissing;
  }

  override get(name: string): string | undefined {
    const id = super.get(name);
    if (id === undefined) this.#onMissing();
    return id;
  }
}

/** The commands Discord holds in one server, or globally, with their ids. */
export async function registeredCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
): Promise<RegisteredCommand[]> {
  return (await rest.get(commandsRoute(applicationId, guildId))) as RegisteredCommand[];
}

/** Registers only when what Discord has differs, since Discord limits command creates per day. */
export async function registerIfChanged(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  bodies: RESTPutAPIApplicationCommandsJSONBody,
): Promise<{ changed: boolean; commands: RegisteredCommand[] }> {
  const current = await registeredCommands(rest, applicationId, guildId).catch(() => undefined);
  if (current && commandFingerprint(current) === commandFingerprint(bodies))
    return { changed: false, commands: current };
  return { changed: true, commands: await registerCommands(rest, applicationId, guildId, bodies) };
}
