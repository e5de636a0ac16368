import { ImportError } from "./errors.ts";

/** How far into a page a `<meta charset>` is looked for, as browsers do (the HTML standard says 1024). */
const PRESCAN_BYTES = 4096;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)/i;
const HEADER_CHARSET = /;\s*charset\s*=\s*["']?([-\w.:]+)/i;

/**
 * A page's bytes as text, in the character set it declares: a byte-order mark, then the
 * Content-Type header, then `<meta charset>` (or `http-equiv`); UTF-8 when none is declared.
 */
export function decodePage(bytes: Uint8Array, contentType = ""): string {
  const declared =
    byteOrderMark(bytes) ??
    HEADER_CHARSET.exec(contentType)?.[1] ??
    META_CHARSET.exec(new TextDecoder("latin1").decode(bytes.subarray(0, PRESCAN_BYTES)))?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(declared.toLowerCase()).decode(bytes);
  } catch {
    throw new ImportError(
      `the page says it is written in "${declared}", a character set this importer does not know; save it as UTF-8 and import the file`,
    );
  }
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}
