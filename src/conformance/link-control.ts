import type { LinkProxy } from "../transport/link-proxy.ts";
import type { UpperTesterClient } from "./upper-tester-client.ts";
import type { EvidenceItem } from "./verdict.ts";

/** How a test cuts and restores the SUT's link (PIXIT `link`). */
export interface LinkControl {
  /** What does the cutting, for evidence and skip reasons; undefined when nothing can. */
  readonly means: string | undefined;
  cut(): Promise<EvidenceItem>;
  restore(): Promise<EvidenceItem>;
}

export const NO_LINK_CONTROL: LinkControl = {
  means: undefined,
  cut: () => Promise.reject(new Error("PIXIT link.control is none: the harness cannot cut the SUT's link")),
  restore: () => Promise.reject(new Error("PIXIT link.control is none: the harness cannot restore the SUT's link")),
};

/** Cuts at the harness's TCP proxy in the SUT's path. */
export function proxyLinkControl(proxy: LinkProxy): LinkControl {
  const channel = `tcp://${proxy.host}:${proxy.port}`;
  return {
    means: `the link proxy on ${proxy.host}:${proxy.port}`,
    cut: () => {
      const connections = proxy.connections;
      proxy.cut();
      return Promise.resolve({ at: Date.now(), kind: "stimulus", channel, summary: `cut the SUT's link at the proxy (${connections} connection${connections === 1 ? "" : "s"} closed)` });
    },
    restore: () => {
      proxy.restore();
      return Promise.resolve({ at: Date.now(), kind: "stimulus", channel, summary: "restored the SUT's link at the proxy" });
    },
  };
}

/** Asks the SUT's upper tester to cut and restore its own link. */
export function upperTesterLinkControl(upperTester: UpperTesterClient): LinkControl {
  return {
    means: "the SUT's upper tester",
    cut: () => upperTester.requestOk({ cutLink: {} }, "asked the SUT to cut its link"),
    restore: () => upperTester.requestOk({ restoreLink: {} }, "asked the SUT to restore its link"),
  };
}
