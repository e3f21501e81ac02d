import { Command, ResponseFlag, type Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { loginAnswer, timeCalibrationAnswer } from "../../../src/sim/gbt32960-answers.ts";
import { beijingTime } from "../../../src/sim/index.ts";
import { Gbt32960TcpServer, type Gbt32960Link } from "../../../src/transport/tcp/index.ts";
import { eventually } from "../../helpers/broker.ts";
import { messageOf, type Finished } from "./bus.ts";

/** A frame a connection brought, with its arrival time. */
export interface Arrival {
  readonly at: number;
  readonly frame: Frame;
}

/** One T-Box connection as the platform sees it. */
export class PlatformSide {
  readonly link: Gbt32960Link;
  readonly arrivals: Arrival[] = [];
  closed = false;

  constructor(link: Gbt32960Link) {
    this.link = link;
  }

  /** The frames with this command (requests and answers alike). */
  of(command: Command): Arrival[] {
    return this.arrivals.filter((a) => a.frame.command === command);
  }
}

/**
 * The test playing the platform over TCP, the far end of a reference T-Box in TCP mode: it records
 * every connection and what came on it (an unreadable frame fails the test), answers time
 * calibrations, and answers logins while `answerLogins` is set.
 */
export class TcpPlatform {
  readonly connections: PlatformSide[] = [];
  answerLogins: boolean;
  private readonly server: Gbt32960TcpServer;

  private constructor(server: Gbt32960TcpServer, answerLogins: boolean) {
    this.server = server;
    this.answerLogins = answerLogins;
    server.on("connection", (link) => this.accept(link));
  }

  static async listen(finished: Finished, answerLogins = true): Promise<TcpPlatform> {
    const server = await Gbt32960TcpServer.listen({ host: "127.0.0.1", port: 0 });
    finished(() => server.close());
    return new TcpPlatform(server, answerLogins);
  }

  get port(): number {
    return this.server.port;
  }

  /** The connection numbered `index` (0 first) once it is there. */
  async connection(index: number, timeoutMs = 10_000): Promise<PlatformSide> {
    await eventually(() => this.connections.length > index, `T-Box connection #${index + 1}`, timeoutMs);
    return this.connections[index] as PlatformSide;
  }

  answerLogin(side: PlatformSide, login: Frame): void {
    if (login.vehicleLogin2016 === undefined) throw new Error("not a 2016 login");
    side.link.send(loginAnswer(login.uniqueId, login.vehicleLogin2016, ResponseFlag.SUCCESS, beijingTime(Date.now())));
  }

  private accept(link: Gbt32960Link): void {
    const side = new PlatformSide(link);
    this.connections.push(side);
    link.once("close", () => (side.closed = true));
    link.on("observation", (observation) => {
      const frame = messageOf<Frame>(observation);
      side.arrivals.push({ at: observation.receivedAt, frame });
      if (frame.responseFlag !== ResponseFlag.COMMAND) return;
      if (frame.command === Command.VEHICLE_LOGIN && this.answerLogins) this.answerLogin(side, frame);
      if (frame.command === Command.TIME_CALIBRATION) link.send(timeCalibrationAnswer(frame.uniqueId, beijingTime(Date.now())));
    });
  }
}
