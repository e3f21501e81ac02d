import { describe, expect, it } from "vitest";
import { VISS_ERROR_PROFILES } from "../../../../src/transport/ws/viss-error-profiles.ts";

// spec/viss-security.md A6.
const V2_TABLE = ["400 bad_request", "400 invalid_data", "401 expired_token", "401 invalid_token", "401 missing_token", "403 forbidden_request", "404 unavailable_data", "503 service_unavailable"];
const V3_NUMBERS = [400, 401, 403, 404, 408, 429, 502, 503, 504];
const V3_REASONS = ["bad_request", "invalid_data", "invalid_token", "forbidden_request", "unavailable_data", "request_timeout", "too_many_requests", "bad_gateway", "service_unavailable", "gateway_timeout"];

describe("VISS error profiles", () => {
  it("viss2-strict uses only pairs of the VISS v2 status-code table", () => {
    for (const { number, reason } of Object.values(VISS_ERROR_PROFILES["viss2-strict"])) expect(V2_TABLE).toContain(`${number} ${reason}`);
  });

  it("viss3 uses only numbers and reasons VISS v3 allows", () => {
    for (const { number, reason } of Object.values(VISS_ERROR_PROFILES.viss3)) {
      expect(V3_NUMBERS).toContain(number);
      expect(V3_REASONS).toContain(reason);
    }
  });

  it("the three profiles disagree where the servers do", () => {
    const pick = (condition: "unknown-path" | "not-writable" | "missing-token") => Object.values(VISS_ERROR_PROFILES).map((p) => `${p[condition].number} ${p[condition].reason}`);
    expect(pick("unknown-path")).toEqual(["404 unavailable_data", "404 invalid_path", "404 unavailable_data"]);
    expect(pick("not-writable")).toEqual(["400 invalid_data", "401 read_only", "400 invalid_data"]);
    expect(pick("missing-token")).toEqual(["401 missing_token", "401 token_missing", "401 invalid_token"]);
  });
});
