import { describe, expect, it } from "vitest";
import { contentType, parseContentType } from "../../../src/transport/content-type.ts";
import type { Encoding } from "../../../src/transport/observation.ts";

const FRAME = "v2xh.csae53.v1.MessageFrame";

describe("content types", () => {
  it.each([
    ["protobuf", `application/x-protobuf; type=${FRAME}`],
    ["json", "application/json"],
    ["per", "application/per"],
    ["gbt32960", "application/gbt32960"],
  ] as [Encoding, string][])("announce %s as %s", (encoding, announced) => {
    expect(contentType(encoding, FRAME)).toBe(announced);
  });

  it("read back the encoding, and the type where protobuf names it", () => {
    expect(parseContentType(contentType("protobuf", FRAME))).toEqual({ encoding: "protobuf", typeName: FRAME });
    expect(parseContentType("application/json")).toEqual({ encoding: "json" });
    expect(parseContentType(`application/json; type=${FRAME}`)).toEqual({ encoding: "json", typeName: FRAME });
    expect(parseContentType("application/x-protobuf")).toEqual({ encoding: "protobuf" });
  });

  it("ignore case of the media type and spaces around parameters", () => {
    expect(parseContentType(`Application/X-Protobuf ;type=${FRAME}`)).toEqual({ encoding: "protobuf", typeName: FRAME });
  });

  it("do not recognise other media types", () => {
    expect(parseContentType("text/plain")).toBeUndefined();
    expect(parseContentType("")).toBeUndefined();
  });
});
