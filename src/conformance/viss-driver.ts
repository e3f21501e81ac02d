import type { VissMessage } from "../schema/gen/v2xh/vss/v1/messages_pb.ts";
import { formatViolation, validateRules, type Registry } from "../schema/index.ts";
import { VissClient, type VissClientOptions } from "../transport/ws/index.ts";
import type { Observation } from "../transport/observation.ts";
import type { EvidenceItem } from "./verdict.ts";

/** A JSON object as a VISS frame carries it. */
export type VissJson = Readonly<Record<string, unknown>>;

/** One frame the SUT sent: its text, its JSON (undefined when it is no JSON object) and the decoded observation. */
export interface VissFrame {
  readonly at: number;
  readonly text: string;
  readonly json: VissJson | undefined;
  readonly observation: Observation<VissMessage>;
}

/**
 * A VISS connection that records every frame and pairs each request with the next frame that is
 * not a subscription event, so that a server that gets requestIds wrong can still be followed.
 */
export interface VissSession {
  readonly client: VissClient;
  /** The subprotocol the server selected; "" when none. */
  readonly subprotocol: string;
  /** Every frame received so far, by arrival. */
  readonly frames: readonly VissFrame[];
  readonly isOpen: boolean;
  /** Sends `request` (an object as JSON, or text as it is); resolves with the answer, or undefined after the timeout or a close. */
  request(request: VissJson | string): Promise<{ readonly sent: EvidenceItem; readonly answer: VissFrame | undefined }>;
  /** The events of one subscription received so far. */
  events(subscriptionId: unknown): VissFrame[];
}

/** Opens VISS connections to the SUT; the engine closes them when the test ends. */
export interface VissDriver {
  /** The SUT's WebSocket URL (PIXIT params.url). */
  readonly url: string;
  open(options?: Partial<VissClientOptions>): Promise<VissClient>;
  /** Opens a recording session (subprotocol and requestTimeoutMs as `open` takes them). */
  session(options?: Partial<VissClientOptions>): Promise<VissSession>;
  /** What is wrong with a frame against the VISS transport schema and its rules; [] when nothing. */
  violations(frame: VissFrame): string[];
  evidence(frame: VissFrame, summary: string): EvidenceItem;
  /** The evidence of a frame that may not have come: [] when it did not. */
  evidenceIf(frame: VissFrame | undefined, summary: string): EvidenceItem[];
}

/** A VissDriver whose connections are closed by `closeAll`. */
export function vissDriver(url: string, registry: Registry): VissDriver & { closeAll(): Promise<void> } {
  const open = new Set<VissClient>();
  const driver = {
    url,
    async open(options: Partial<VissClientOptions> = {}) {
      const client = await VissClient.connect(url, { ...options, registry });
      open.add(client);
      return client;
    },
    async session(options: Partial<VissClientOptions> = {}) {
      return recordingSession(await driver.open(options), options.requestTimeoutMs ?? 5000);
    },
    violations(frame: VissFrame) {
      if (!frame.observation.decoded.ok) return [frame.observation.decoded.error];
      return validateRules(registry, frame.observation.typeName, frame.observation.decoded.message).map(formatViolation);
    },
    evidence(frame: VissFrame, summary: string): EvidenceItem {
      return { at: frame.at, kind: "observed", channel: url, summary, message: frame.json ?? frame.text };
    },
    evidenceIf(frame: VissFrame | undefined, summary: string): EvidenceItem[] {
      return frame === undefined ? [] : [driver.evidence(frame, summary)];
    },
    async closeAll() {
      await Promise.all([...open].map((c) => c.close().catch(() => undefined)));
      open.clear();
    },
  };
  return driver;
}

function recordingSession(client: VissClient, timeoutMs: number): VissSession {
  const frames: VissFrame[] = [];
  const arrivals = new Set<() => void>();
  const wake = (): void => arrivals.forEach((f) => f());
  client.onObservation((observation) => {
    const text = Buffer.from(observation.raw).toString("utf8");
    frames.push({ at: observation.receivedAt, text, json: parseObject(text), observation });
    wake();
  });
  client.on("close", wake);
  const isEvent = (frame: VissFrame): boolean => frame.json?.["action"] === "subscription";
  return {
    client,
    subprotocol: client.subprotocol,
    frames,
    get isOpen() {
      return client.isOpen;
    },
    async request(request) {
      const text = typeof request === "string" ? request : JSON.stringify(request);
      const from = frames.length;
      const sent: EvidenceItem = { at: Date.now(), kind: "stimulus", channel: client.url, summary: `sent ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`, message: request };
      const answer = new Promise<VissFrame | undefined>((resolve) => {
        const check = (): void => {
          const found = frames.slice(from).find((f) => !isEvent(f));
          if (found === undefined && client.isOpen) return;
          clearTimeout(timer);
          arrivals.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          arrivals.delete(check);
          resolve(undefined);
        }, timeoutMs);
        arrivals.add(check);
      });
      if (client.isOpen) client.sendRaw(text);
      else wake();
      return { sent, answer: await answer };
    },
    events: (subscriptionId) => frames.filter((f) => isEvent(f) && f.json?.["subscriptionId"] === subscriptionId),
  };
}

function parseObject(text: string): VissJson | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as VissJson) : undefined;
  } catch {
    return undefined;
  }
}
