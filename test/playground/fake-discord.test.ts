import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  APP_ID,
  CHANNEL_ID,
  DAILY_COMMAND_CREATES,
  FakeDiscord,
  GLOBAL_RATE_LIMIT,
  GUILD_ID,
  HIDDEN_CHANNEL_ID,
  NO_EMBEDS_CHANNEL_ID,
  READ_ONLY_CHANNEL_ID,
  THREAD_ID,
} from "../../src/playground/fake-discord.ts";

type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

/** What Discord answers a request, as the bot's REST client would see it. */
async function call(
  fake: FakeDiscord,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: "Bot test" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

const EMBED = { title: "A quote", description: "Text" };
const ROW = (buttons: object[]) => ({ type: 1, components: buttons });
const BUTTON = (id: string) => ({ type: 2, style: 1, label: id, custom_id: id });

describe("the loopback Discord enforces what Discord does", () => {
  let fake: FakeDiscord;
  before(async () => {
    fake = await FakeDiscord.start();
    await call(fake, "PUT", `/applications/${APP_ID}/commands`, [
      { name: "ask", description: "Ask", type: 1 },
      { name: "guild-only", description: "Servers only", type: 1, contexts: [0] },
    ]);
  });
  after(() => fake.close());

  const callback = (id: string, body: object) =>
    call(fake, "POST", `/interactions/${id}/${fake.tokenOf(id)}/callback`, body);

  it("takes a first response within 3 s only, and only once (10062, 40060)", async () => {
    const late = fake.slash("ask");
    fake.ageInteraction(late, 3500);
    assert.equal((await callback(late, { type: 5 })).body.code, 10062);
    const twice = fake.slash("ask");
    assert.equal((await callback(twice, { type: 5 })).status, 204);
    assert.equal((await callback(twice, { type: 5 })).body.code, 40060);
    assert.ok(fake.unacknowledged.includes(late), "a press never acknowledged is on record");
    assert.ok(!fake.unacknowledged.includes(twice));
  });

  it("takes edits and follow-ups for 15 minutes of the token's life, then 50027", async () => {
    const id = fake.slash("ask");
    await callback(id, { type: 5 });
    const edit = `/webhooks/${APP_ID}/${fake.tokenOf(id)}/messages/@original`;
    assert.equal((await call(fake, "PATCH", edit, { content: "done" })).status, 200);
    fake.ageInteraction(id, 15 * 60 * 1000);
    const expired = await call(fake, "PATCH", edit, { content: "too late" });
    assert.deepEqual([expired.status, expired.body.code], [401, 50027]);
  });

  it("takes only the response types each interaction type allows", async () => {
    const command = fake.slash("ask");
    assert.equal(
      (await callback(command, { type: 7, data: { content: "x" } })).status,
      400,
      "no update to a command",
    );
    const autocomplete = fake.autocomplete("ask", "question", "gs");
    assert.equal(
      (await callback(autocomplete, { type: 5 })).status,
      400,
      "no deferred autocomplete",
    );
    assert.equal((await callback(autocomplete, { type: 8, data: { choices: [] } })).status, 204);
    const press = fake.press("another:x", { id: "1" });
    assert.equal((await callback(press, { type: 6 })).status, 204);
  });

  it("refuses an empty message (50006) and bad buttons (50035)", async () => {
    const empty = await call(fake, "POST", `/channels/${CHANNEL_ID}/messages`, { content: "" });
    assert.equal(empty.body.code, 50006);
    assert.equal((await callback(fake.slash("ask"), { type: 4, data: {} })).body.code, 50006);
    const six = ROW(["a", "b", "c", "d", "e", "f"].map(BUTTON));
    const link = ROW([
      { type: 2, style: 5, label: "Read", url: "https://example.org", custom_id: "x" },
    ]);
    const twins = ROW([BUTTON("same"), BUTTON("same")]);
    for (const components of [[six], [link], [twins]]) {
      const refused = await call(fake, "POST", `/channels/${THREAD_ID}/messages`, {
        content: "x",
        components,
      });
      assert.equal(refused.body.code, 50035, JSON.stringify(components));
    }
  });

  it("checks the bot's channel permissions (50001, 50013) and drops embeds without Embed Links", async () => {
    const post = (channel: string, body: object) =>
      call(fake, "POST", `/channels/${channel}/messages`, body);
    assert.deepEqual((await post(HIDDEN_CHANNEL_ID, { content: "x" })).body.code, 50001);
    assert.deepEqual((await post(READ_ONLY_CHANNEL_ID, { content: "x" })).body.code, 50013);
    assert.deepEqual((await post(NO_EMBEDS_CHANNEL_ID, { embeds: [EMBED] })).body.code, 50013);
    const withText = await post(NO_EMBEDS_CHANNEL_ID, { content: "x", embeds: [EMBED] });
    assert.deepEqual([withText.status, withText.body.embeds], [200, []]);
    assert.equal((await post(THREAD_ID, { content: "in a thread" })).status, 200);
    assert.ok(fake.invalidRequests >= 3, "403s count as invalid requests");
  });

  it("checks command options and counts command creates per day (30034)", async () => {
    const route = `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`;
    const badOptions = await call(fake, "PUT", route, [
      {
        name: "x",
        description: "x",
        options: [
          { type: 3, name: "later", description: "d" },
          { type: 3, name: "first", description: "d", required: true },
          {
            type: 3,
            name: "both",
            description: "d",
            autocomplete: true,
            choices: [{ name: "a", value: "a" }],
          },
        ],
      },
    ]);
    assert.equal(badOptions.status, 400);
    assert.match(JSON.stringify(badOptions.body.errors), /Required options must be placed before/);
    assert.match(JSON.stringify(badOptions.body.errors), /Autocomplete cannot be set with choices/);
    const batch = (from: number) =>
      Array.from({ length: 100 }, (_, index) => ({ name: `c${from + index}`, description: "d" }));
    assert.equal((await call(fake, "PUT", route, batch(0))).status, 200);
    assert.equal((await call(fake, "PUT", route, batch(100))).status, 200);
    const over = await call(fake, "PUT", route, batch(200));
    assert.deepEqual([over.status, over.body.code], [429, 30034]);
    assert.equal(DAILY_COMMAND_CREATES, 200);
  });

  it("shows a command only where it is registered: no server command in DMs or other servers", () => {
    assert.throws(() => fake.dmSlash("guild-only"), /Discord shows no \/guild-only in DMs/);
    assert.throws(() => fake.slash("c1", [], undefined, "900000000012582912"), /Discord shows no/);
    assert.ok(fake.dmSlash("ask"));
  });
});

describe("the loopback Discord's rate limits", () => {
  it("limits a channel's messages per route (5 per 5 s) and every route to 50 requests a second", async () => {
    const fake = await FakeDiscord.start();
    try {
      const statuses: number[] = [];
      let last: Answer | undefined;
      for (let count = 0; count < 6; count++) {
        last = await call(fake, "POST", `/channels/${CHANNEL_ID}/messages`, {
          content: `${count}`,
        });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      assert.equal(last?.headers.get("x-ratelimit-remaining"), "0");
      assert.equal(last?.headers.get("x-ratelimit-scope"), "user");
      const global = await Promise.all(
        Array.from(
          { length: GLOBAL_RATE_LIMIT * 2 },
          async () => (await call(fake, "GET", "/applications/@me")).status,
        ),
      );
      assert.ok(global.includes(429), "over 50 requests in a second");
      assert.ok(fake.invalidRequests >= 2, "429s count as invalid requests");
    } finally {
      await fake.close();
    }
  });
});
