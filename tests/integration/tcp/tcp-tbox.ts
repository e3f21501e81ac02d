import type { Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { Gbt32960TcpClient } from "../../../src/transport/tcp/index.ts";
import { eventually } from "../../helpers/broker.ts";

type Finished = (cleanup: () => void | Promise<void>) => void;

/** The test playing a T-Box over TCP: what it sent is up to the test, what came back is recorded. */
export class TcpTbox {
  readonly client: Gbt32960TcpClient;
  readonly received: Observation[] = [];

  private constructor(client: Gbt32960TcpClient) {
    this.client = client;
    client.on("observation", (observation) => this.received.push(observation));
  }

  static async connect(port: number, finished: Finished): Promise<TcpTbox> {
    const client = new Gbt32960TcpClient({ host: "127.0.0.1", port, reconnect: { initialDelayMs: 0 } });
    await client.connect();
    finished(() => client.close());
    return new TcpTbox(client);
  }

  /** The frames received so far (a framing error fails the test). */
  frames(): Frame[] {
    return this.received.map((o) => {
      if (!o.decoded.ok) throw new Error(o.decoded.error);
      return o.decoded.message as unknown as Frame;
    });
  }

  /** Resolves with the answers once `count` have arrived. */
  async answers(count: number, what = `${count} answers`): Promise<Frame[]> {
    await eventually(() => this.received.length >= count, what);
    return this.frames();
  }
}
