import { type DomDocument, textOf } from "./dom.ts";

/** What a page says about itself. Nothing is guessed: a field the page lacks stays undefined. */
export interface PageMetadata {
  readonly title: string | undefined;
  readonly source: string | undefined;
  /** YYYY-MM-DD, the day as the page writes it. */
  readonly published: string | undefined;
  readonly url: string | undefined;
  readonly language: string | undefined;
}

type JsonObject = Record<string, unknown>;
const ARTICLE_TYPES =
  /(^|\b)(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|WebPage)$/;

export function readMetadata(document: DomDocument, pageUrl: string | undefined): PageMetadata {
  const meta = (key: string) =>
    document
      .querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`)
      ?.getAttribute("content")
      ?.trim() || undefined;
  const jsonLd = articleJsonLd(document);
  const source =
    meta("og:site_name") ?? nameOf(jsonLd?.publisher) ?? nameOf(jsonLd?.sourceOrganization);
  const timeElement =
    document.querySelector("time[itemprop='datePublished' i][datetime]") ??
    document.querySelector("time[pubdate][datetime]") ??
    document.querySelector("article time[datetime]") ??
    document.querySelector("time[datetime]");
  const published =
    isoDay(meta("article:published_time")) ??
    isoDay(stringOf(jsonLd?.datePublished)) ??
    isoDay(meta("datePublished")) ??
    isoDay(timeElement?.getAttribute("datetime") ?? undefined) ??
    isoDay(meta("pubdate")) ??
    isoDay(meta("publish-date")) ??
    isoDay(meta("dc.date.issued"));
  const canonical =
    document.querySelector("link[rel~='canonical' i]")?.getAttribute("href") ??
    meta("og:url") ??
    stringOf(jsonLd?.url) ??
    idOf(jsonLd?.mainEntityOfPage);
  const title =
    meta("og:title") ??
    stringOf(jsonLd?.headline) ??
    (textOf(document.querySelector("h1")) || undefined) ??
    (document.title.trim() || undefined);
  const language = /^([a-z]{2,3})\b/i
    .exec(document.documentElement.getAttribute("lang") ?? "")?.[1]
    ?.toLowerCase();
  return {
    title: title ? withoutSiteSuffix(title, source) : undefined,
    source,
    published,
    url: absoluteHttpUrl(canonical, pageUrl) ?? absoluteHttpUrl(pageUrl, undefined),
    language,
  };
}

/** "Tokyo tightens export rules | Test Wire" → "Tokyo tightens export rules". */
function withoutSiteSuffix(title: string, source: string | undefined): string {
  const clean = title.replace(/\s+/g, " ").trim();
  if (!source) return clean;
  const escaped = source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return clean.replace(new RegExp(`\\s+[-|–—:·]\\s+${escaped}$`, "i"), "").trim() || clean;
}

/** The page's own JSON-LD about the article (or the page), flattened out of arrays and @graph. */
function articleJsonLd(document: DomDocument): JsonObject | undefined {
  const objects: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      const object = value as JsonObject;
      objects.push(object);
      if (object["@graph"]) collect(object["@graph"]);
    }
  };
  for (const script of document.querySelectorAll("script[type='application/ld+json' i]")) {
    try {
      // Parsed as data, never run.
      collect(JSON.parse(script.textContent ?? ""));
    } catch {
      // A malformed block says nothing; the other sources of metadata still count.
    }
  }
  const typed = (object: JsonObject) =>
    [object["@type"]].flat().some((type) => typeof type === "string" && ARTICLE_TYPES.test(type));
  const articles = objects.filter(typed);
  return (
    articles.find((object) => !String(object["@type"]).endsWith("WebPage")) ??
    articles[0] ??
    objects.find((object) => object.publisher)
  );
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function nameOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return stringOf(first);
  return first && typeof first === "object" ? stringOf((first as JsonObject).name) : undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === "string") return stringOf(value);
  return value && typeof value === "object" ? stringOf((value as JsonObject)["@id"]) : undefined;
}

/** "2019-08-22T10:30:00+09:00" → "2019-08-22"; anything that is not a real date → undefined. */
function isoDay(text: string | undefined): string | undefined {
  const day = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text ?? "")?.[1];
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : undefined;
}

function absoluteHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
