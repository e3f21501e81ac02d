import type { Encoding } from "./observation.ts";

const PROTOBUF = "application/x-protobuf";

/** The MQTT 5 content type announcing an encoding (ARCHITECTURE.md §5). */
export function contentType(encoding: Encoding, typeName: string): string {
  switch (encoding) {
    case "protobuf":
      return `${PROTOBUF}; type=${typeName}`;
    case "json":
      return "application/json";
    case "per":
      return "application/per";
    case "gbt32960":
      return "application/gbt32960";
  }
}

/** Reads a content type back into an encoding and, for protobuf, the type it names. */
export function parseContentType(value: string): { encoding: Encoding; typeName?: string } | undefined {
  const [media = "", ...params] = value.split(";").map((part) => part.trim());
  const typeParam = params.find((p) => p.startsWith("type="))?.slice("type=".length);
  switch (media.toLowerCase()) {
    case PROTOBUF:
      return typeParam === undefined ? { encoding: "protobuf" } : { encoding: "protobuf", typeName: typeParam };
    case "application/json":
      return typeParam === undefined ? { encoding: "json" } : { encoding: "json", typeName: typeParam };
    case "application/per":
      return { encoding: "per" };
    case "application/gbt32960":
      return { encoding: "gbt32960" };
    default:
      return undefined;
  }
}
