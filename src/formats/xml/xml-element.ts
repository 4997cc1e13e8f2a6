/**
 * One element of a parsed XML document, reduced to what format readers need: qualified
 * name, attributes and text (entity references already decoded), child elements in order.
 */
export interface XmlElement {
  /** Qualified name as written (`bom`, `bom:component`). */
  readonly name: string;
  /** Name without namespace prefix. */
  readonly localName: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated, trimmed character data directly inside this element. */
  readonly text: string;
}

/** Lookups over an element's children by local name, so readers stay short. */
export const XmlElement = {
  child(element: XmlElement, localName: string): XmlElement | undefined {
    return element.children.find((c) => c.localName === localName);
  },
  children(element: XmlElement, localName: string): XmlElement[] {
    return element.children.filter((c) => c.localName === localName);
  },
  childText(element: XmlElement, localName: string): string | undefined {
    return element.children.find((c) => c.localName === localName)?.text;
  },
};
