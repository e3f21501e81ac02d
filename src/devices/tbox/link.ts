import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { MqttBinding, PublishOutcome } from "../../transport/mqtt/index.ts";

/**
 * The T-Box's data connection. Besides losing the broker, it can be cut and restored on request,
 * which emulates the harness cutting the link. `publish` sends only while the link is up: a
 * report must not wait in the binding's queue to go out later as realtime, it must be stored
 * and reissued.
 */
export class TboxLink {
  private readonly open: () => Promise<MqttBinding>;
  private readonly onUp: () => void;
  private binding: MqttBinding | undefined;

  /** `open` returns a connected, subscribed binding; `onUp` runs whenever a lost connection is back. */
  private constructor(open: () => Promise<MqttBinding>, onUp: () => void) {
    this.open = open;
    this.onUp = onUp;
  }

  static async connect(open: () => Promise<MqttBinding>, onUp: () => void): Promise<TboxLink> {
    const link = new TboxLink(open, onUp);
    await link.restore();
    return link;
  }

  get online(): boolean {
    return this.binding?.connected ?? false;
  }

  /** Publishes while the link is up; undefined (nothing sent) while it is down. */
  publish(kind: MessageKindName, vin: string, frame: Frame): Promise<PublishOutcome> | undefined {
    if (this.binding === undefined || !this.binding.connected) return undefined;
    return this.binding.publish(kind, { id: vin }, frame);
  }

  /** Drops the connection, as a cut cable would. */
  async cut(): Promise<void> {
    const binding = this.binding;
    this.binding = undefined;
    await binding?.close();
  }

  async restore(): Promise<void> {
    if (this.binding !== undefined) return;
    const binding = await this.open();
    binding.on("connect", () => this.onUp());
    this.binding = binding;
    this.onUp();
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
