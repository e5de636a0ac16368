import { parseHTML } from "linkedom";

/**
 * The little of the DOM the importer uses, typed here because the project compiles without the
 * browser's lib. linkedom builds the tree and runs nothing: no script, no style, no request.
 */
export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** An element's text with its whitespace collapsed, as a reader sees it. */
export function textOf(element: DomElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/[\s\u00a0]+/gu, " ").trim();
}
