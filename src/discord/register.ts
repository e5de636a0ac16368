import { type REST, type RESTPutAPIApplicationCommandsJSONBody, Routes } from "discord.js";
import type { SlashCommand } from "./commands/types.ts";

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

/** Replaces the registered commands: in one server when guildId is set (instant), else globally. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  bodies: RESTPutAPIApplicationCommandsJSONBody,
): Promise<void> {
  await rest.put(commandsRoute(applicationId, guildId), { body: bodies });
}

/** Registers only when what Discord has differs, since Discord limits command creates per day. */
export async function registerIfChanged(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  bodies: RESTPutAPIApplicationCommandsJSONBody,
): Promise<boolean> {
  const current = (await rest.get(commandsRoute(applicationId, guildId)).catch(() => undefined)) as
    | object[]
    | undefined;
  if (current && commandFingerprint(current) === commandFingerprint(bodies)) return false;
  await registerCommands(rest, applicationId, guildId, bodies);
  return true;
}
