import { parseTcpAddress, type TcpAddress } from "../transport/tcp-address.ts";
import { DEFAULT_TOPIC_TEMPLATE } from "../transport/topics.ts";
import { Encryption } from "../schema/gen/v2xh/gbt32960/v1/index.ts";
import { parseKeySettings, type Gbt32960Options, type KeySettings } from "../wire/gbt32960/index.ts";
import { checkConfig, loadConfigFile } from "./config-file.ts";
import { HarnessError } from "./harness-error.ts";
import { ROLE_DEFINITIONS, type RoleParams } from "./roles/index.ts";
import type { SutRole } from "./verdict.ts";

const HOST_PORT = "^[^:]+:[0-9]{1,5}$";

/** How the harness reaches the bus the SUT is on. */
export interface BusPixit {
  readonly url: string;
  readonly protocolVersion: 4 | 5;
  readonly topicTemplate: string;
  /** Payload encoding the harness sends, and assumes for messages without a content type (MQTT 3.1.1). */
  readonly encoding: "protobuf" | "json";
  readonly username?: string;
  readonly password?: string;
}

/**
 * GB/T 32960 frames over TCP instead of the bus (the upper tester, if any, stays on the bus):
 * `listen` = the harness is the platform and the T-Box under test connects there (tbox suite);
 * `connect` = the harness's simulated vehicles connect to the platform under test there (platform suite).
 */
export type TcpPixit = ({ readonly listen: string } | { readonly connect: string }) & {
  /** Keys of encrypted data units, in hex: the harness decrypts what the SUT sends with them. */
  readonly keys?: KeySettings;
  /** `connect` only: the simulated vehicles send their data units encrypted with AES and `keys.aesKey`. Default: plain. */
  readonly encryption?: "aes";
};

/** The codec options and the encryption of what the harness sends, as PIXIT `tcp` sets them; throws a ConfigError. */
export function tcpCodecOf(tcp: TcpPixit): { readonly codec: Partial<Gbt32960Options>; readonly encryption?: Encryption } {
  const keys = parseKeySettings(tcp.keys ?? {});
  if (tcp.encryption === undefined) return { codec: { keys } };
  if (keys.aes === undefined) throw new HarnessError("ConfigError", 'PIXIT: tcp.encryption "aes" needs the AES key in tcp.keys.aesKey');
  return { codec: { keys }, encryption: Encryption.AES };
}

/**
 * How the harness cuts and restores the SUT's link: "proxy" = the SUT connects to a harness TCP
 * proxy listening at `listen`, which forwards to the broker (ARCHITECTURE.md §5); "upper-tester" =
 * the SUT cuts its own link when asked (UtCutLink); "none" = tests that need it are skipped.
 */
export type LinkPixit = { readonly control: "none" } | { readonly control: "upper-tester" } | { readonly control: "proxy"; readonly listen: string };

export interface RunPixit {
  /** Tests that may share the SUT run this many at a time. */
  readonly concurrency: number;
  /** A test still running after this long ends with inconc (or fail, where silence is the violation). */
  readonly testTimeLimitMs: number;
}

/** The lab parameters of one run (ARCHITECTURE.md §7): where the SUT is and how to judge it. */
export interface Pixit<R extends SutRole = SutRole> {
  readonly role: R;
  readonly sut: { readonly id: string };
  readonly bus?: BusPixit;
  readonly tcp?: TcpPixit;
  readonly link: LinkPixit;
  readonly run: RunPixit;
  readonly params: RoleParams[R];
}

/** The JSON Schema of a PIXIT file for `role`, with every default. */
export function pixitSchema(role: SutRole): object {
  const definition = ROLE_DEFINITIONS[role];
  return {
    $comment: `PIXIT of the ${role} suite (v2x-harness)`,
    type: "object",
    additionalProperties: false,
    required: ["role", "sut", ...(definition.transport === "bus" && definition.tcp === undefined ? ["bus"] : [])],
    properties: {
      $schema: { type: "string" },
      role: { const: role, description: "The role of the system under test." },
      sut: {
        type: "object",
        additionalProperties: false,
        required: ["id"],
        properties: { id: { type: "string", pattern: "^[\\x21-\\x7e]{1,64}$", description: "The SUT's id: the {id} of its topics (the VIN for a T-Box)." } },
      },
      bus: {
        type: "object",
        additionalProperties: false,
        required: ["url"],
        properties: {
          url: { type: "string", pattern: "^(mqtts?|wss?|tcp)://", description: "Broker URL the harness connects to." },
          protocolVersion: { enum: [4, 5], default: 5 },
          topicTemplate: { type: "string", default: DEFAULT_TOPIC_TEMPLATE },
          encoding: { enum: ["protobuf", "json"], default: "protobuf" },
          username: { type: "string" },
          password: { type: "string" },
        },
      },
      ...(definition.tcp === undefined ? {} : { tcp: tcpSchema(definition.tcp) }),
      link: {
        type: "object",
        default: { control: "none" },
        required: ["control"],
        oneOf: [
          { additionalProperties: false, properties: { control: { const: "none" } } },
          { additionalProperties: false, properties: { control: { const: "upper-tester" } } },
          {
            additionalProperties: false,
            required: ["listen"],
            properties: { control: { const: "proxy" }, listen: { type: "string", pattern: HOST_PORT, description: "host:port the proxy listens on; the SUT connects there." } },
          },
        ],
      },
      run: {
        type: "object",
        additionalProperties: false,
        default: {},
        properties: {
          concurrency: { type: "integer", minimum: 1, maximum: 64, default: 8 },
          testTimeLimitMs: { type: "integer", minimum: 100, maximum: 3_600_000, default: 60_000 },
        },
      },
      params: { ...definition.paramsSchema, default: {} },
    },
  };
}

const HEX_BLOCK = "^[0-9a-fA-F]{32}$";

function tcpSchema(mode: "listen" | "connect"): object {
  const description =
    mode === "listen"
      ? "host:port where the harness listens as the platform; the T-Box under test connects there (GB/T 32960 over TCP instead of bus.url, which then carries only the upper tester)."
      : "host:port of the platform under test's GB/T 32960 TCP port; each simulated vehicle opens a connection of its own there (instead of bus.url, which then carries only the upper tester).";
  return {
    type: "object",
    additionalProperties: false,
    required: [mode],
    properties: {
      [mode]: { type: "string", pattern: HOST_PORT, description },
      keys: {
        type: "object",
        additionalProperties: false,
        description: "Keys of encrypted data units (PKCS#7 padding): the harness decrypts what the SUT sends with them, and encrypts with them what it sends marked AES or SM4.",
        properties: {
          aesKey: { type: "string", pattern: HEX_BLOCK, description: "AES-128 key of encryption 0x03, 32 hex digits." },
          sm4Key: { type: "string", pattern: HEX_BLOCK, description: "SM4 key of encryption 0x05 (a code of the 2025 edition), 32 hex digits." },
          iv: { type: "string", pattern: HEX_BLOCK, description: "Initialisation vector, 32 hex digits: both keys run in CBC with it. Default: none, ECB." },
        },
      },
      ...(mode === "connect"
        ? {
            encryption: {
              enum: ["aes"],
              description:
                "The simulated vehicles send every frame that has a data unit encrypted with AES (0x03) and keys.aesKey; heartbeats and time calibration requests have none. SM4 (0x05) is a 2025 code, and the vehicles speak 2016. Default: plain.",
            },
          }
        : {}),
    },
    description: "GB/T 32960 frames over TCP instead of the MQTT bus.",
  };
}

/** host and port of a PIXIT "host:port" (its form checked by the schema, its port range here); throws a ConfigError. */
export function hostPort(value: string): TcpAddress {
  const address = parseTcpAddress(value);
  if (address === undefined) throw new HarnessError("ConfigError", `PIXIT: "${value}" is no host:port with a port 0..65535`);
  return address;
}

/** Checks a PIXIT object (e.g. built in code) for `role`, filling in defaults; throws a ConfigError. */
export function checkPixit<R extends SutRole>(role: R, value: unknown, source = "PIXIT"): Pixit<R> {
  return checkConfig<Pixit<R>>(value, pixitSchema(role), source);
}

/** Reads a PIXIT YAML or JSON file for `role`; throws a ConfigError naming file, path, expected and got. */
export function loadPixit<R extends SutRole>(role: R, file: string): Pixit<R> {
  return loadConfigFile<Pixit<R>>(file, pixitSchema(role));
}

/** The PIXIT as reports show it: passwords, tokens and data-unit keys replaced by "***". */
export function redactPixit(pixit: Pixit): unknown {
  return JSON.parse(JSON.stringify(pixit, (key, value: unknown) => (/password|token|secret|^(aes|sm4)Key$/i.test(key) && typeof value === "string" ? "***" : value))) as unknown;
}
