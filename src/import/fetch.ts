import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "./address.ts";
import { ImportError } from "./errors.ts";

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

export const FETCH_LIMITS: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
};

/** What an importer reads: HTML, XHTML or plain text; never scripts, images or documents. */
const READABLE_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchOptions {
  /** IMPORT_ALLOW_PRIVATE: let the import reach loopback and private networks (tests, intranets). */
  readonly allowPrivate: boolean;
  /** Tests only: which resolved addresses are refused; by default the private ranges. */
  readonly isRefusedAddress?: (address: string) => boolean;
  readonly limits?: Partial<FetchLimits>;
  /**
   * For a Discord attachment, whose kind was checked by its file name before the download: any
   * content type is read (Discord serves .md as it likes). Pages found by URL are always checked.
   */
  readonly anyContentType?: boolean;
}

export interface FetchedPage {
  /** The address the page was finally read from, after redirects. */
  readonly url: string;
  readonly bytes: Uint8Array;
  /** The Content-Type header as sent, e.g. `text/html; charset=EUC-KR`. */
  readonly contentType: string;
}

/**
 * Reads one web page within the limits: http(s) only, every redirect checked again, every
 * address checked after DNS resolution (so a name cannot point the bot at this host's network).
 */
export async function fetchPage(address: string, options: FetchOptions): Promise<FetchedPage> {
  const limits = { ...FETCH_LIMITS, ...options.limits };
  const refused = options.allowPrivate
    ? () => false
    : (options.isRefusedAddress ?? isPrivateAddress);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>();
  let url = parseHttpUrl(address);
  for (let redirects = 0; ; redirects++) {
    seen.add(url.href);
    const response = await get(url, refused, signal, limits.timeoutMs);
    const location = response.headers.location;
    if (REDIRECTS.has(response.statusCode ?? 0) && location) {
      response.resume();
      const next = parseHttpUrl(new URL(location, url).href);
      if (seen.has(next.href)) {
        throw new ImportError(`${url.href} redirects in a loop (back to ${next.href})`);
      }
      if (redirects + 1 > limits.maxRedirects) {
        throw new ImportError(
          `${address} redirects more than ${limits.maxRedirects} times; give the article's final address`,
        );
      }
      url = next;
      continue;
    }
    return readBody(url, response, limits, options.anyContentType === true);
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ImportError(`"${text}" is not a web address; give a full http:// or https:// link`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ImportError(
      `${url.protocol} links are not read; only http:// and https:// pages can be imported`,
    );
  }
  if (url.username || url.password) {
    throw new ImportError("a link with a user name or password in it is not read; remove them");
  }
  return url;
}

function refusal(url: URL, address: string): ImportError {
  return new ImportError(
    `${url.hostname} is at ${address}, a private, loopback or link-local address; the importer only reads public sites (IMPORT_ALLOW_PRIVATE=true allows this for tests and intranets)`,
  );
}

function get(
  url: URL,
  refused: (address: string) => boolean,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) && refused(host)) return Promise.reject(refusal(url, host));
  // Checked inside the connection's own lookup, so the address checked is the address used.
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, "", 0);
        return;
      }
      const blocked = addresses.find((entry) => refused(entry.address));
      if (blocked) {
        callback(refusal(url, blocked.address), "", 0);
        return;
      }
      if (lookupOptions.all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? "", addresses[0]?.family ?? 4);
    });
  };
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: "GET",
        lookup,
        signal,
        headers: {
          accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
          "accept-encoding": "identity",
          "user-agent": "dispute-bot-importer/0.1 (knowledge import by an admin)",
        },
      },
      resolve,
    );
    outgoing.on("error", (error) => reject(asImportError(url, error, timeoutMs)));
    outgoing.end();
  });
}

function asImportError(url: URL, error: unknown, timeoutMs: number): ImportError {
  if (error instanceof ImportError) return error;
  const name = error instanceof Error ? error.name : "";
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (name === "AbortError" || name === "TimeoutError" || code === "ABORT_ERR") {
    return new ImportError(
      `${url.href} did not answer within ${timeoutMs / 1000} s; try again later or save the page and import the file`,
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new ImportError(`${url.hostname} was not found; check the address`);
  }
  const cause =
    error instanceof Error && error.cause instanceof ImportError ? error.cause : undefined;
  if (cause) return cause;
  return new ImportError(
    `${url.href} could not be read (${code || (error instanceof Error ? error.message : String(error))})`,
  );
}

async function readBody(
  url: URL,
  response: IncomingMessage,
  { maxBytes, timeoutMs }: FetchLimits,
  anyContentType: boolean,
): Promise<FetchedPage> {
  const status = response.statusCode ?? 0;
  const contentType = String(response.headers["content-type"] ?? "");
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const fail = (error: ImportError): never => {
    response.destroy();
    throw error;
  };
  if (status < 200 || status > 299) {
    fail(new ImportError(`${url.href} answered ${status}; check the address in a browser`));
  }
  if (!anyContentType && !READABLE_TYPES.has(mediaType)) {
    fail(
      new ImportError(
        `${url.href} is ${mediaType || "of no stated type"}, not a web page; only HTML and plain text are imported`,
      ),
    );
  }
  const declared = Number(response.headers["content-length"] ?? Number.NaN);
  if (declared > maxBytes) fail(tooLarge(url, maxBytes));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge(url, maxBytes));
      chunks.push(chunk);
    }
  } catch (error) {
    throw asImportError(url, error, timeoutMs);
  }
  return { url: url.href, bytes: new Uint8Array(Buffer.concat(chunks)), contentType };
}

function tooLarge(url: URL, maxBytes: number): ImportError {
  return new ImportError(
    `${url.href} is larger than ${maxBytes / 1024 / 1024} MiB; an article page is smaller, so this is not one (or save the article alone as a file)`,
  );
}
