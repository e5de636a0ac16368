import assert from "node:assert/strict";
import { type AddressInfo, createServer } from "node:net";
import { after, before, describe, it } from "node:test";
import { type Running, startBot } from "../support/bot.ts";
import { freePort } from "../support/net.ts";

describe("health and metrics (HEALTH_PORT)", () => {
  let running: Running;
  let base: string;
  before(async () => {
    // Another test's server may take the free port before the bot does: try another then.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        running = await startBot({ env: { HEALTH_PORT: String(port) } });
        base = `http://127.0.0.1:${port}`;
        return;
      } catch (error) {
        const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException) : undefined;
        if (attempt === 3 || cause?.code !== "EADDRINUSE") throw error;
      }
    }
  });
  after(() => running.stop());

  const health = async () => {
    const response = await fetch(`${base}/healthz`);
    return {
      status: response.status,
      body: (await response.json()) as { ok: boolean; reason: string; passages: number },
    };
  };

  it("answers 200 when the gateway is connected and an index is loaded", async () => {
    const { status, body } = await health();
    assert.equal(status, 200);
    assert.equal(body.ok, true);
    assert.ok(body.passages > 0);
  });

  it("flips to 503 with the reason while the gateway is down, and back to 200 after the resume", async () => {
    const { fake } = running;
    const resumes = fake.resumes;
    fake.dropConnection({ holdMs: 1500 });
    let reason: string | undefined;
    for (let attempt = 0; attempt < 100 && reason === undefined; attempt++) {
      const { status, body } = await health();
      if (status === 503) reason = body.reason;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(reason, "gateway not connected");
    await fake.waitFor(() => fake.resumes > resumes, 10_000);
    for (let attempt = 0; attempt < 100 && (await health()).status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal((await health()).status, 200);
  });

  it("counts the interactions and the reconnect this test caused in /metrics, in the Prometheus format", async () => {
    const { fake } = running;
    const metrics = async () => {
      const response = await fetch(`${base}/metrics`);
      assert.match(response.headers.get("content-type") ?? "", /text\/plain/);
      return response.text();
    };
    /** The value of one series, 0 when it has not appeared yet. */
    const value = (text: string, series: string) => {
      const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    };
    const ANSWERED = 'dispute_bot_interactions_total{command="why-gsomia",outcome="answered"}';
    const REFUSED = 'dispute_bot_interactions_total{command="ask",outcome="no-answer"}';
    const before = await metrics();
    const resumes = fake.resumes;
    fake.dropConnection();
    await fake.waitFor(() => fake.resumes > resumes, 10_000);
    const ids = [
      fake.slash("why-gsomia"),
      fake.slash("ask", [{ name: "question", type: 3, value: "who won the world cup" }]),
    ];
    await fake.waitFor(() => ids.every((id) => fake.responsesTo(id).length > 0));
    let after = await metrics();
    for (
      let attempt = 0;
      attempt < 50 && value(after, REFUSED) === value(before, REFUSED);
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await metrics();
    }
    assert.equal(value(after, ANSWERED) - value(before, ANSWERED), 1);
    assert.equal(value(after, REFUSED) - value(before, REFUSED), 1);
    assert.equal(
      value(after, "dispute_bot_no_answer_total") - value(before, "dispute_bot_no_answer_total"),
      1,
    );
    assert.equal(
      value(after, "dispute_bot_gateway_reconnects_total") -
        value(before, "dispute_bot_gateway_reconnects_total"),
      1,
    );
    assert.ok(value(after, "dispute_bot_index_passages") > 0);
    assert.match(after, /dispute_bot_answer_seconds_bucket/);
  });
});

describe("a HEALTH_PORT another program holds", () => {
  it("stops the bot with a message naming the port and what to do", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", () => resolve()));
    const { port } = holder.address() as AddressInfo;
    try {
      await assert.rejects(
        startBot({ env: { HEALTH_PORT: String(port) } }),
        new RegExp(
          `HEALTH_PORT ${port} on 127\\.0\\.0\\.1 is already in use: set HEALTH_PORT to a free port`,
        ),
      );
    } finally {
      holder.close();
    }
  });

  it("ends the test process when the bot cannot even read its settings", async () => {
    // The loopback Discord is up before the settings are read: a harness that left it open
    // would keep this file running until killed.
    await assert.rejects(startBot({ env: { HEALTH_PORT: "not-a-port" } }), /HEALTH_PORT/);
  });
});
