import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { isPrivateAddress } from "../../src/import/address.ts";
import { fetchPage } from "../../src/import/fetch.ts";
import { importErrorOf } from "../support/errors.ts";
import { html, newsPage, redirect, startPageServer } from "../support/pages.ts";

type Server = Awaited<ReturnType<typeof startPageServer>>;

async function refusal(promise: Promise<unknown>): Promise<string> {
  return (await importErrorOf(promise, "the fetch")).message;
}

describe("fetchPage", () => {
  let server: Server;
  const allowed = { allowPrivate: true };
  before(async () => {
    const fiveMiB = Buffer.alloc(5 * 1024 * 1024, "a");
    server = await startPageServer({
      "/article": html(newsPage()),
      "/moved": redirect("/article", 301),
      "/loop-a": redirect("/loop-b"),
      "/loop-b": redirect("/loop-a"),
      "/chain-0": redirect("/chain-1"),
      "/chain-1": redirect("/chain-2"),
      "/chain-2": redirect("/chain-3"),
      "/chain-3": redirect("/chain-4"),
      "/chain-4": redirect("/chain-5"),
      "/chain-5": redirect("/chain-6"),
      "/chain-6": redirect("/article"),
      "/huge": html(fiveMiB),
      "/huge-streamed": (_request, response) => {
        response.writeHead(200, { "content-type": "text/html" });
        for (let sent = 0; sent < 5; sent++) response.write(Buffer.alloc(1024 * 1024, "b"));
        response.end();
      },
      "/report.pdf": html(Buffer.from("%PDF-1.4"), "application/pdf"),
      "/silent": () => {
        // Never answers: the time limit must end the wait.
      },
      "/gone": (_request, response) => {
        response.writeHead(410, { "content-type": "text/html" }).end("gone");
      },
    });
  });
  after(() => server.close());

  it("reads a page after a redirect, reporting where it ended up", async () => {
    const page = await fetchPage(server.url("/moved"), allowed);
    assert.equal(page.url, server.url("/article"));
    assert.match(page.contentType, /^text\/html/);
    assert.match(Buffer.from(page.bytes).toString("utf8"), /Testland tightens/);
  });

  it("refuses this machine's own address without IMPORT_ALLOW_PRIVATE", async () => {
    const message = await refusal(fetchPage(server.url("/article"), { allowPrivate: false }));
    assert.match(message, /127\.0\.0\.1, a private, loopback or link-local address/);
    assert.match(message, /IMPORT_ALLOW_PRIVATE=true/);
  });

  it("refuses a name that resolves to loopback, after DNS", async () => {
    const message = await refusal(
      fetchPage(`http://localhost:${server.port}/article`, { allowPrivate: false }),
    );
    assert.match(message, /localhost is at (127\.0\.0\.1|::1)/);
  });

  it("checks every redirect again: a public page may not send the importer to a refused address", async () => {
    // Stands in for a public site: the test server's own address is let through, nothing else.
    const onlyTheFirstHop = (address: string) => address !== "127.0.0.1";
    const redirected = await startPageServer({
      "/to-loopback": redirect(`http://127.0.0.2:${server.port}/article`),
    });
    try {
      const refused = await refusal(
        fetchPage(redirected.url("/to-loopback"), {
          allowPrivate: false,
          isRefusedAddress: onlyTheFirstHop,
        }),
      );
      assert.match(refused, /127\.0\.0\.2, a private, loopback or link-local address/);
    } finally {
      await redirected.close();
    }
  });

  it("stops a redirect loop and a chain of more than 5 redirects", async () => {
    assert.match(await refusal(fetchPage(server.url("/loop-a"), allowed)), /redirects in a loop/);
    assert.match(
      await refusal(fetchPage(server.url("/chain-0"), allowed)),
      /redirects more than 5 times/,
    );
  });

  it("refuses a page over 2 MiB, whether it says its size or streams it", async () => {
    assert.match(await refusal(fetchPage(server.url("/huge"), allowed)), /larger than 2 MiB/);
    assert.match(
      await refusal(fetchPage(server.url("/huge-streamed"), allowed)),
      /larger than 2 MiB/,
    );
  });

  it("reads only HTML and text, over http and https", async () => {
    assert.match(
      await refusal(fetchPage(server.url("/report.pdf"), allowed)),
      /application\/pdf, not a web page/,
    );
    assert.match(
      await refusal(fetchPage("file:///etc/passwd", allowed)),
      /file: links are not read/,
    );
    assert.match(
      await refusal(fetchPage("ftp://testwire.example/a", allowed)),
      /only http:\/\/ and https:\/\//,
    );
    assert.match(await refusal(fetchPage(server.url("/gone"), allowed)), /answered 410/);
  });

  it("gives up on a server that does not answer within the time limit", async () => {
    const message = await refusal(
      fetchPage(server.url("/silent"), { allowPrivate: true, limits: { timeoutMs: 300 } }),
    );
    assert.match(message, /did not answer within 0\.3 s/);
  });
});

describe("isPrivateAddress", () => {
  it("refuses loopback, private, link-local and mapped addresses, and lets public ones through", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "not-an-address",
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"]) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });
});
