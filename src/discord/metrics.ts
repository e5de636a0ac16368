import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { EngineStats } from "../answer.ts";

/** What /metrics shows, in the Prometheus text format. */
export class BotMetrics {
  readonly registry = new Registry();
  readonly #interactions = new Counter({
    name: "dispute_bot_interactions_total",
    help: "Slash commands, autocompletes and button presses handled, by command and outcome.",
    labelNames: ["command", "outcome"] as const,
    registers: [this.registry],
  });
  readonly #mentions = new Counter({
    name: "dispute_bot_mentions_total",
    help: "Messages that mentioned the bot, by outcome.",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: "dispute_bot_answer_seconds",
    help: "Time from receiving an interaction or mention to the bot's reply.",
    labelNames: ["kind"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly #noAnswers = new Counter({
    name: "dispute_bot_no_answer_total",
    help: "Questions that got no confident answer.",
    registers: [this.registry],
  });
  readonly #documents = new Gauge({
    name: "dispute_bot_index_documents",
    help: "Documents in the index in use.",
    registers: [this.registry],
  });
  readonly #passages = new Gauge({
    name: "dispute_bot_index_passages",
    help: "Passages in the index in use.",
    registers: [this.registry],
  });
  readonly #reloads = new Counter({
    name: "dispute_bot_reloads_total",
    help: "Knowledge reloads attempted.",
    registers: [this.registry],
  });
  readonly #reloadFailures = new Counter({
    name: "dispute_bot_reload_failures_total",
    help: "Knowledge reloads that kept the old index because a file was broken.",
    registers: [this.registry],
  });
  readonly #reconnects = new Counter({
    name: "dispute_bot_gateway_reconnects_total",
    help: "Gateway connections resumed or re-established.",
    registers: [this.registry],
  });

  readonly #refusals = new Counter({
    name: "dispute_bot_discord_refusals_total",
    help: "REST responses Discord counts as invalid (401, 403, 429), by status.",
    labelNames: ["status"] as const,
    registers: [this.registry],
  });

  refused(status: number): void {
    this.#refusals.inc({ status: String(status) });
  }

  interaction(command: string, outcome: string, seconds: number): void {
    this.#interactions.inc({ command, outcome });
    this.#latency.observe({ kind: "interaction" }, seconds);
    if (outcome === "no-answer") this.#noAnswers.inc();
  }

  mention(outcome: string, seconds: number): void {
    this.#mentions.inc({ outcome });
    this.#latency.observe({ kind: "mention" }, seconds);
    if (outcome === "no-answer") this.#noAnswers.inc();
  }

  index(stats: EngineStats): void {
    this.#documents.set(stats.documents);
    this.#passages.set(stats.passages);
  }

  reload(ok: boolean): void {
    this.#reloads.inc();
    if (!ok) this.#reloadFailures.inc();
  }

  reconnect(): void {
    this.#reconnects.inc();
  }
}
