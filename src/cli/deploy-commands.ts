import { REST, Routes } from "discord.js";
import type { AnswerEngine } from "../answer.ts";
import { ConfigError, loadBotConfig, loadDotEnv } from "../config.ts";
import { commandsFor } from "../discord/commands/index.ts";
import { commandScopes, registerCommands, scopeName } from "../discord/register.ts";
import { formatIssue } from "../knowledge/types.ts";
import { KnowledgeError, KnowledgeStore } from "../store.ts";

/** Registers the slash commands: in DISCORD_GUILD_ID when set (instant), else globally; the admin ones in ADMIN_GUILD_ID. */
async function main(): Promise<number> {
  await loadDotEnv();
  try {
    const config = loadBotConfig();
    const { store } = await KnowledgeStore.open(config.knowledgeDir);
    const engine: AnswerEngine = store.engine;
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
    const applicationId =
      config.clientId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    for (const { guildId, bodies } of commandScopes(commandsFor(engine), config)) {
      await registerCommands(rest, applicationId, guildId, bodies);
      process.stdout.write(
        `Registered ${bodies.length} commands (${bodies.map((body) => `/${body.name}`).join(", ")}) ${guildId ? `in ${scopeName(guildId)}` : "globally (may take up to an hour to appear)"}.\n`,
      );
    }
    if (!config.adminGuildId)
      process.stdout.write(
        "The admin commands (/reload, /knowledge) are not registered: set ADMIN_GUILD_ID to the operators' server.\n",
      );
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof KnowledgeError)
      process.stderr.write(
        `The knowledge folder has errors:\n${error.issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}\n`,
      );
    else process.stderr.write(`Registration failed: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main();
