import { ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { Observation } from "../../transport/observation.ts";
import { Gbt32960TcpServer, headerOfBytes, headerOfFrame, type Gbt32960Link } from "../../transport/tcp/index.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/index.ts";
import type { Log } from "../shared/log.ts";
import { inboundOf, type PlatformMessage } from "./inbound.ts";

/** What the platform does with what arrives over TCP. */
export interface TcpHandlers {
  readonly handle: (message: PlatformMessage) => void;
  /** A connection closed: the sessions opened over it end. */
  readonly linkClosed: (link: Gbt32960Link) => void;
  readonly log: Log;
}

/**
 * The platform's TCP listener for real T-Boxes (GB/T 32960.3 4.1: the protocol rides on TCP). Over
 * TCP the frame header says what a message is and who sent it, even of a frame the codec rejects.
 */
export async function listenForTboxes(address: { readonly port: number; readonly host?: string }, keys: DataUnitKeys, handlers: TcpHandlers): Promise<Gbt32960TcpServer> {
  const server = await Gbt32960TcpServer.listen({ ...address, codec: { keys } });
  server.on("connection", (link) => {
    link.on("observation", (observation) => route(link, observation, handlers));
    link.once("close", () => handlers.linkClosed(link));
  });
  return server;
}

function route(link: Gbt32960Link, observation: Observation, { handle, log }: TcpHandlers): void {
  const header = observation.decoded.ok ? headerOfFrame(observation.decoded.message as unknown as Frame) : headerOfBytes(observation.raw);
  if (header === undefined) {
    log(observation.decoded.ok ? `${link.channel}: a frame without a header` : observation.decoded.error);
    return;
  }
  // A packet whose flag is not 0xFE is an answer, and an answer is never answered (6.3.2).
  if (header.responseFlag !== ResponseFlag.COMMAND) {
    log(`${link.channel}: ignored an answer (command 0x${header.command.toString(16)}, flag 0x${header.responseFlag.toString(16)}) from ${header.vin}`);
    return;
  }
  const kind = inboundOf(header.command);
  if (kind === undefined) {
    log(`${link.channel}: ignored command 0x${header.command.toString(16)} from ${header.vin}, which this platform does not serve`);
    return;
  }
  const reply = (frame: Frame): void => {
    try {
      link.send(frame);
    } catch (error) {
      log(`answer to ${header.vin} not sent: ${(error as Error).message}`);
    }
  };
  handle({ kind, vin: header.vin, observation, reply, link });
}
