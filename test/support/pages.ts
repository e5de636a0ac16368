import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * News pages in the shapes real sites have, for a fictional outlet ("Test Wire"): navigation,
 * a cookie banner, a byline, a captioned photo with its credit, a dateline, a newsletter box,
 * related links, share prompts and a footer around the article's own paragraphs.
 */
export const BODY_PARAGRAPHS = [
  "The trade ministry of Testland said on Monday it would require separate licences for three chemicals shipped to its neighbour, ending a fast-track procedure that had been in place for years.",
  "Officials said the change followed a review of how the materials were managed, and insisted it was not retaliation for any court ruling about wartime compensation.",
  "The neighbouring government called the measure regrettable and said it would consider a complaint to the world trade body if the licences were delayed.",
  "Chip makers in the neighbouring country hold about three months of stock of the chemicals, according to an industry group quoted by the ministry.",
] as const;

/** `null`: the page does not say it. */
export interface PageOptions {
  readonly title?: string;
  readonly published?: string | null;
  readonly siteName?: string | null;
  readonly canonical?: string | null;
  readonly paragraphs?: readonly string[];
  readonly dateIn?: "json-ld" | "meta" | "time";
}

export function newsPage({
  title = "Testland tightens chemical export rules",
  published = "2019-07-01T09:00:00+09:00",
  siteName = "Test Wire",
  canonical = "https://testwire.example/2019/07/01/chemical-export-rules",
  paragraphs = BODY_PARAGRAPHS,
  dateIn = "json-ld",
}: PageOptions = {}): string {
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: title,
    ...(published && dateIn === "json-ld" ? { datePublished: published } : {}),
    ...(siteName ? { publisher: { "@type": "Organization", name: siteName } } : {}),
  };
  const [first = "", ...rest] = paragraphs;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | ${siteName ?? "Site"}</title>
${siteName ? `<meta property="og:site_name" content="${siteName}">` : ""}
<meta property="og:title" content="${title}">
${published && dateIn === "meta" ? `<meta property="article:published_time" content="${published}">` : ""}
${canonical ? `<link rel="canonical" href="${canonical}">` : ""}
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
<script>document.body.innerHTML = "<p>Injected by a script that must never run.</p>";</script>
</head>
<body>
<div id="cookie-consent"><p>We use cookies to improve your experience. By continuing to browse you accept our cookie policy.</p><button type="button">Accept</button></div>
<header class="site-header"><a href="/">Test Wire</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/asia">Asia</a></li></ul></nav></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By Alex Example</p>
${published && dateIn === "time" ? `<time datetime="${published}">1 July 2019</time>` : '<p class="timestamp">Updated 2 hours ago</p>'}
<figure><img src="/photo.jpg" alt=""><figcaption>Containers at a port in Testland on Monday. (Photo: Test Wire/A. Example)</figcaption></figure>
<p>TESTVILLE, July 1 (Test Wire) -- ${first}</p>
${rest
  .slice(0, 2)
  .map((paragraph) => `<p>${paragraph}</p>`)
  .join("\n")}
<div class="newsletter-signup"><h3>Daily briefing</h3><p>Sign up for our newsletter and get the day's news in your inbox every morning.</p></div>
<p>Read more: <a href="/2019/06/30/earlier">Testland warns of export review</a></p>
${rest
  .slice(2)
  .map((paragraph) => `<p>${paragraph}</p>`)
  .join("\n")}
<p>Share this article</p>
<p>Analysts said the dispute could drag on for months unless both sides</p>
</article>
<section class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Neighbour protests export rules at trade talks in the capital</a></li>
<li><a href="/b">Chemical makers count the cost of new licences</a></li>
<li><a href="/c">What the licences mean for chip makers</a></li>
</ul></section>
</main>
<footer><p>© 2019 Test Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>`;
}

/** A section front: a list of links, no article. */
export function indexPage(): string {
  const links = Array.from(
    { length: 30 },
    (_, index) =>
      `<li><a href="/2019/07/${String(index + 1).padStart(2, "0")}/story">Story number ${index + 1} about the trade dispute between the neighbours</a></li>`,
  ).join("\n");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Asia | Test Wire</title>
<meta property="og:site_name" content="Test Wire"></head>
<body><nav><a href="/">Home</a></nav><main><h1>Asia</h1><ul>${links}</ul></main></body></html>`;
}

/** 한국 일본 in EUC-KR, 日本 韓国 in Shift_JIS: bytes that only decode right in their own charset. */
export const KOREAN = {
  text: "한국 일본",
  bytes: [0xc7, 0xd1, 0xb1, 0xb9, 0x20, 0xc0, 0xcf, 0xba, 0xbb],
};
export const JAPANESE = {
  text: "日本 韓国",
  bytes: [0x93, 0xfa, 0x96, 0x7b, 0x20, 0x8a, 0xd8, 0x8d, 0x91],
};

/**
 * A page whose paragraph quotes words in another script, encoded as `charset`; the charset is
 * declared in `<meta charset>` unless `inHeader`, when only the Content-Type header says it.
 */
export function encodedPage(
  charset: string,
  words: { bytes: readonly number[] },
  { declareInMeta = true } = {},
): Buffer {
  const [head, tail] = newsPage({
    title: `Protesters chant in ${charset}`,
    canonical: `https://testwire.example/2019/08/03/${charset}`,
    paragraphs: [
      "Protesters in the capital held signs with the words WORDS on Saturday, as the dispute over export rules entered its second month.",
      ...BODY_PARAGRAPHS.slice(1),
    ],
  })
    .replace('<meta charset="utf-8">', declareInMeta ? `<meta charset="${charset}">` : "")
    .split("WORDS");
  return Buffer.concat([
    Buffer.from(head ?? "", "latin1"),
    Buffer.from(words.bytes),
    Buffer.from(tail ?? "", "latin1"),
  ]);
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A web server on 127.0.0.1 serving the given routes; anything else is a 404. */
export async function startPageServer(
  routes: Record<string, Handler>,
): Promise<{ url: (path: string) => string; port: number; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? "/", "http://x").pathname];
    if (route) route(request, response);
    else response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function html(body: string | Buffer, contentType = "text/html; charset=utf-8"): Handler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": contentType }).end(body);
  };
}

export function redirect(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}
