import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { TboxConnection } from "./connection.ts";

/**
 * The T-Box's data connection. Besides losing its platform, it can be cut and restored on request,
 * which emulates the harness cutting the link. `publish` sends only while the link is up: a
 * report must not wait in a queue to go out later as realtime, it must be stored and reissued.
 */
export class TboxLink {
  private readonly open: () => Promise<TboxConnection>;
  private readonly onUp: () => void;
  private connection: TboxConnection | undefined;

  /** `open` returns a connected connection that hears the platform; `onUp` runs whenever a lost connection is back. */
  private constructor(open: () => Promise<TboxConnection>, onUp: () => void) {
    this.open = open;
    this.onUp = onUp;
  }

  static async connect(open: () => Promise<TboxConnection>, onUp: () => void): Promise<TboxLink> {
    const link = new TboxLink(open, onUp);
    await link.restore();
    return link;
  }

  get online(): boolean {
    return this.connection?.connected ?? false;
  }

  /** Sends while the link is up; undefined (nothing sent) while it is down. */
  publish(kind: MessageKindName, frame: Frame): Promise<void> | undefined {
    if (this.connection === undefined || !this.connection.connected) return undefined;
    return this.connection.send(kind, frame);
  }

  /** Drops the connection, as a cut cable would; nothing reconnects until restore(). */
  async cut(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }

  async restore(): Promise<void> {
    if (this.connection !== undefined) return;
    const connection = await this.open();
    connection.onReconnect(() => this.onUp());
    this.connection = connection;
    this.onUp();
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
