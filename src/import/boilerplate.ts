/**
 * What a news page wraps around its article, recognised by class or id on the page and by
 * wording in the text. The loader's own filters (photo credits, datelines, a last paragraph cut
 * off mid-sentence) run afterwards on every imported article too.
 */

/** Elements that never hold the article's words. */
export const NEVER_ARTICLE_SELECTOR = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "form",
  "button",
  "nav",
  "footer",
  "aside",
  "figure",
  "figcaption",
  "[role='navigation' i]",
  "[role='banner' i]",
  "[role='contentinfo' i]",
  "[role='complementary' i]",
  "[role='dialog' i]",
  "[role='alertdialog' i]",
  "[aria-hidden='true' i]",
  "[hidden]",
].join(", ");

/** A class or id naming site furniture: `cookie-banner`, `newsletter_box`, `related-links`, `byline`. */
export const FURNITURE_NAME =
  /(^|[-_\s])(cookies?|consent|gdpr|newsletter|subscribe|subscription|signup|sign-up|share|sharing|social|related|read-?more|more-stories|recommended|promo|advert|ads?|sponsored|byline|author|dateline|timestamp|caption|credit|breadcrumbs?|tags|comments?|paywall|outbrain|taboola)($|[-_\s])/i;

const BYLINE = /^(by|written by|reported by|story by|words by)\s+\p{Lu}/iu;
const WIRE_CREDITS = /^(additional )?(reporting|editing|writing|compiled) by\b/i;
const TIMESTAMP = /^(updated|published|posted|last updated|first published|created)\b\s*:?/i;
const READ_MORE =
  /^(read more|read also|also read|see also|more:|related:|recommended\b|you may also like|more from|more on this|read the full|continue reading|full story|watch:|listen:)/i;
const SHARE = /^(share( this| on|:|$)|tweet\b|email this|print this|copy link|follow us)/i;
const COOKIE = /\bcookies?\b/i;
const COOKIE_ASK = /\b(accept|consent|use|policy|preferences|settings|agree|continuing)\b/i;
const NEWSLETTER = /\b(newsletters?|sign up|subscribe (now|to|for)|in your inbox)\b/i;
/** "FILE PHOTO: …", "… Photo: AP", "… (By Associated Press)", "… REUTERS/Toru Hanai/File Photo". */
const CAPTION =
  /^(file photo|photo|pictured|image)\s*:|\b(photo|picture|image|credit)\s*:\s*[\p{L} .&/-]{1,40}$|\((by |photo: ?|credit: ?)?(the )?(associated press|ap|afp|reuters|yonhap|kyodo|getty images|epa|xinhua)\)$|\b[A-Z]{3,}\/[\p{L} .'-]+(\/file photo)?$/iu;
/** "Source: Reuters/aa", "[Anchor Lead]", "Go to contents", "1. Home": a page's labels and links. */
const LABEL =
  /^(source:\s.{1,40}|\[[^\]]{1,30}\]|go to (main )?contents?|skip to (main )?content|skip navigation|(\d+\.\s+\p{L}+\s*)+)$/iu;
/** A paragraph a paywall or a teaser cut short: "…", "...", "Subscribe to read more". */
const CUT_SHORT = /(…|\.\.\.|\bsubscribe to (read|continue)\b.*)$/i;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** True for a line of site furniture that a page shows among its paragraphs. */
export function isFurnitureText(text: string): boolean {
  const words = wordCount(text);
  if (LABEL.test(text)) return true;
  if (CAPTION.test(text) && words <= 60) return true;
  if (BYLINE.test(text) && words <= 12) return true;
  if (WIRE_CREDITS.test(text) && words <= 25) return true;
  if (TIMESTAMP.test(text) && words <= 12) return true;
  if (READ_MORE.test(text) && words <= 30) return true;
  if (SHARE.test(text) && words <= 12) return true;
  if (COOKIE.test(text) && COOKIE_ASK.test(text) && words <= 80) return true;
  return NEWSLETTER.test(text) && words <= 50;
}

/** The last paragraph of a page cut off by a paywall or a teaser, which no quote may end on. */
export function isCutShort(text: string): boolean {
  return CUT_SHORT.test(text);
}
