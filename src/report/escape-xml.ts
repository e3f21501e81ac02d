// XML 1.0 (§2.2) cannot carry these, not even as character references: C0 controls other than tab,
// LF and CR; U+FFFE and U+FFFF; unpaired surrogates. They are written as visible "\uXXXX" text.
// eslint-disable-next-line no-control-regex -- matching the forbidden control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A parser turns a literal CR into LF, and tab/LF inside an attribute into spaces; references survive.
const TEXT: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE: Readonly<Record<string, string>> = { ...TEXT, '"': "&quot;", "'": "&apos;", "\n": "&#10;", "\t": "&#9;" };

function visible(text: string): string {
  return text.replace(FORBIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** Text safe as XML 1.0 element content. */
export function escapeXmlText(text: string): string {
  return visible(text).replace(/[&<>\r]/g, (c) => TEXT[c] ?? c);
}

/** Text safe inside a quoted XML 1.0 attribute value, whitespace kept. */
export function escapeXmlAttribute(text: string): string {
  return visible(text).replace(/[&<>\r"'\n\t]/g, (c) => ATTRIBUTE[c] ?? c);
}
