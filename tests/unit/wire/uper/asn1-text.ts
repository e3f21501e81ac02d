// ASN.1 text of a UPER description and XER text of a value, so that an independent toolchain
// (asn1c) can encode the same values. Type names are the schema's; enumeration items are e<value>.
import type { SizeConstraint, UperType } from "../../../../src/wire/uper/index.ts";

const typeName = (fullName: string) => fullName.split(".").pop()?.replace(/[^A-Za-z0-9]/g, "") ?? fullName;

function size(constraint: SizeConstraint): string {
  const { min, max, extensible } = constraint;
  const range = max === undefined ? `${min}..MAX` : min === max ? `${min}` : `${min}..${max}`;
  return `(SIZE(${range}${extensible ? ", ..." : ""}))`;
}

/** An ASN.1 module (AUTOMATIC TAGS) defining `root` and every type it uses. */
export function asn1Module(moduleName: string, root: UperType): string {
  const definitions = new Map<string, string>();
  const reference = (type: UperType): string => {
    switch (type.kind) {
      case "integer":
        return `INTEGER (${type.min ?? "MIN"}..${type.max ?? "MAX"}${type.extensible ? ", ..." : ""})`;
      case "enumerated": {
        const name = typeName(type.name);
        const items = type.values.map((v) => `e${v}(${v})`);
        definitions.set(name, `${name} ::= ENUMERATED { ${[...items, ...(type.extensible ? ["..."] : [])].join(", ")} }`);
        return name;
      }
      case "boolean":
        return "BOOLEAN";
      case "null":
        return "NULL";
      case "bit-string":
        return `BIT STRING ${size(type.size)}`;
      case "octet-string":
        return `OCTET STRING ${size(type.size)}`;
      case "ia5-string":
        return `IA5String ${size(type.size)}`;
      case "sequence-of":
        return `SEQUENCE ${size(type.size)} OF ${reference(type.item)}`;
      case "sequence":
      case "choice": {
        const name = typeName(type.name);
        if (definitions.has(name)) return name;
        definitions.set(name, "");
        const lines =
          type.kind === "sequence"
            ? type.components.map((c) => `  ${c.key} ${reference(c.type)}${c.presence === "mandatory" ? "" : " OPTIONAL"}`)
            : type.alternatives.map((a) => `  ${a.key} ${reference(a.type)}`);
        if (type.extensible) lines.push("  ...");
        definitions.set(name, `${name} ::= ${type.kind === "sequence" ? "SEQUENCE" : "CHOICE"} {\n${lines.join(",\n")}\n}`);
        return name;
      }
    }
  };
  reference(root);
  return `${moduleName} DEFINITIONS AUTOMATIC TAGS ::= BEGIN\n\n${[...definitions.values()].join("\n\n")}\n\nEND\n`;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The XER (X.693) content of `value` as `type`; a SEQUENCE OF only holds named types here. */
export function xerValue(type: UperType, value: unknown): string {
  switch (type.kind) {
    case "integer":
      return String(value);
    case "enumerated":
      return `<e${String(value)}/>`;
    case "boolean":
      return value === true ? "<true/>" : "<false/>";
    case "null":
      return "";
    case "bit-string": {
      const bits = value as number;
      const length = Math.max(type.size.min, bits === 0 ? 0 : 32 - Math.clz32(bits));
      return Array.from({ length }, (_, n) => (n < 32 ? (bits >>> n) & 1 : 0)).join("");
    }
    case "octet-string":
      return Buffer.from(value as Uint8Array).toString("hex").toUpperCase();
    case "ia5-string":
      return escapeXml(value as string);
    case "sequence-of": {
      if (type.item.kind !== "sequence" && type.item.kind !== "choice") throw new Error("XER lists of unnamed types are not supported here");
      const tag = typeName(type.item.name);
      return (value as unknown[]).map((item) => `<${tag}>${xerValue(type.item, item)}</${tag}>`).join("");
    }
    case "sequence": {
      const fields = value as Record<string, unknown>;
      return type.components
        .map((c) => {
          const field = fields[c.key];
          const absent = field === undefined || (c.presence === "non-empty" && (field as unknown[]).length === 0);
          return absent ? "" : `<${c.key}>${xerValue(c.type, field)}</${c.key}>`;
        })
        .join("");
    }
    case "choice": {
      const fields = value as Record<string, unknown>;
      const chosen = type.alternatives.find((a) => fields[a.key] !== undefined);
      if (chosen === undefined) throw new Error("no alternative set");
      return `<${chosen.key}>${xerValue(chosen.type, fields[chosen.key])}</${chosen.key}>`;
    }
  }
}
