import { REST, Routes } from "discord.js";
import type { AnswerEngine } from "../answer.ts";
import { ConfigError, loadBotConfig, loadDotEnv } from "../config.ts";
import { commandsFor } from "../discord/commands/index.ts";
import { commandBodies, registerCommands } from "../discord/register.ts";
import { formatIssue } from "../knowledge/types.ts";
import { KnowledgeError, KnowledgeStore } from "../store.ts";

/** Registers the slash commands: in DISCORD_GUILD_ID when set (instant), else globally. */
async function main(): Promise<number> {
  await loadDotEnv();
  try {
    const config = loadBotConfig();
    const { store } = await KnowledgeStore.open(config.knowledgeDir);
    const engine: AnswerEngine = store.engine;
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
    const applicationId =
      config.clientId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const bodies = commandBodies(commandsFor(engine));
    await registerCommands(rest, applicationId, config.guildId, bodies);
    process.stdout.write(
      `Registered ${bodies.length} commands (${bodies.map((body) => `/${body.name}`).join(", ")}) ${config.guildId ? `in server ${config.guildId}` : "globally (may take up to an hour to appear)"}.\n`,
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
