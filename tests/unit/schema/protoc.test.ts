import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, it } from "vitest";
import { loadRegistry } from "../../../src/schema/index.ts";
import { commandAvailable, describeWhen } from "../../helpers/environment.ts";

const registry = loadRegistry();
const protoc = {
  what: "protoc with the well-known types",
  available: commandAvailable("protoc") && existsSync("/usr/include/google/protobuf/descriptor.proto"),
  hint: "install Debian's protobuf-compiler and libprotobuf-dev",
};

describeWhen(protoc, "every .proto file compiles with protoc, for users of other languages", () => {
  it.each(registry.files)("%s", (file) => {
    const result = spawnSync("protoc", ["-I", registry.protoDir, "--descriptor_set_out=/dev/null", file], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
