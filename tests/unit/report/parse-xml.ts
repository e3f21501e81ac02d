/**
 * A strict little XML reader for the reporter tests: elements, double-quoted attributes, text and the
 * five entities plus numeric references. It throws on what a real parser rejects that our writer could
 * get wrong: unbalanced tags, a bare & or <, a quote inside an attribute, a character XML 1.0 forbids.
 * Like a real parser it turns literal tabs and line breaks in attributes into spaces, and CR into LF.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

interface Building {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex -- rejecting forbidden control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TOKEN = /<\?[^>]*\?>|<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
const ATTRIBUTE = /([\w:.-]+)="([^"]*)"/g;

export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error("character not allowed in XML 1.0");
  const stack: Building[] = [{ name: "#document", attributes: {}, children: [], text: "" }];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (m === null) throw new Error(`not well-formed at offset ${at}: ${xml.slice(at, at + 40)}`);
    const top = stack.at(-1)!;
    if (m[5] !== undefined) top.text += decode(m[5].replace(/\r\n?/g, "\n"));
    else if (m[2] !== undefined && m[1] === "/") close(stack, m[2]);
    else if (m[2] !== undefined) open(stack, m[2], m[3] ?? "", m[4] === "/");
  }
  const [document, ...unclosed] = stack;
  if (unclosed.length > 0) throw new Error(`unclosed <${unclosed.at(-1)!.name}>`);
  if (document!.children.length !== 1) throw new Error("expected exactly one root element");
  return document!.children[0]!;
}

function open(stack: Building[], name: string, attributeText: string, selfClosing: boolean): void {
  const attributes: Record<string, string> = {};
  for (const [, key, value] of attributeText.matchAll(ATTRIBUTE)) attributes[key!] = decode(value!.replace(/[\t\n\r]/g, " "));
  const element: Building = { name, attributes, children: [], text: "" };
  stack.at(-1)!.children.push(element);
  if (!selfClosing) stack.push(element);
}

function close(stack: Building[], name: string): void {
  const top = stack.pop();
  if (top?.name !== name || stack.length === 0) throw new Error(`</${name}> closes <${top?.name ?? "nothing"}>`);
}

function decode(raw: string): string {
  return raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error("bare & in XML");
    if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const text = ENTITIES[ref];
    if (text === undefined) throw new Error(`unknown entity ${whole}`);
    return text;
  });
}

/** Every descendant element named `name`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
