import type { Pics } from "../../conformance/pics.ts";
import type { SutRole } from "../../conformance/verdict.ts";
import type { BusDeviceOptions, RunningDevice } from "../../devices/index.ts";
import type { Registry } from "../../schema/index.ts";
import type { TcpAddress } from "../../transport/tcp-address.ts";

/** Where one selftest run puts its device. */
export interface SelftestSetup {
  /** The broker the harness uses. */
  readonly broker: string;
  /** The URL the device connects to: the link proxy in front of the broker. */
  readonly deviceBroker: string;
  /** A topic template no other run of the same selftest uses. */
  readonly topicTemplate: string;
  /** MQTT protocol version the broker speaks (the embedded broker speaks 3.1.1 only). */
  readonly protocolVersion: 4 | 5;
  /**
   * GB/T 32960 over TCP instead of the bus (tbox and platform; the upper tester stays on the
   * broker): `proxy` is where a T-Box connects, the link proxy in front of the harness's listener.
   */
  readonly tcp?: { readonly proxy: TcpAddress };
  readonly registry: Registry;
}

/**
 * How selftest runs one role's suite against that role's reference device: the device's id, the
 * PIXIT with short observation windows (so the whole selftest fits its budget), the PICS the
 * reference device claims, and how to start it.
 */
export interface SelftestProfile {
  readonly role: SutRole;
  /** A fresh SUT id (a VIN for a T-Box). */
  sutId(): string;
  /**
   * When the device starts: "first" for a device that serves (its URLs go into the PIXIT), "after"
   * for one that talks first, once the harness listens (a T-Box's login must reach the harness).
   */
  readonly startsBeforeHarness: boolean;
  /** The PIXIT object (checked by the engine) for a run against `sutId`; `device` is given when it started first. */
  pixit(setup: SelftestSetup, sutId: string, device: SelftestDevice | undefined): unknown;
  /** The PICS the reference device claims in `setup` (some items need MQTT 5). */
  pics(setup: SelftestSetup): Pics;
  /** Starts the reference device with `faults`. */
  start(setup: SelftestSetup, sutId: string, faults: readonly string[]): Promise<SelftestDevice>;
}

/** A running reference device, with the URLs of what it serves. */
export type SelftestDevice = RunningDevice & { readonly url?: string; readonly queryUrl?: string; readonly tcp?: TcpAddress };

/** The PIXIT `bus` of a selftest run: the harness on the broker, with the run's own topics. */
export function selftestBus(setup: SelftestSetup): { url: string; protocolVersion: 4 | 5; topicTemplate: string } {
  return { url: setup.broker, protocolVersion: setup.protocolVersion, topicTemplate: setup.topicTemplate };
}

/** What every reference device on the bus gets in a selftest: the proxy, the run's topics, quick reconnects. */
export function selftestDeviceOptions(setup: SelftestSetup, sutId: string, faults: readonly string[]): BusDeviceOptions & { readonly id: string } {
  return {
    broker: setup.deviceBroker,
    id: sutId,
    faults,
    topicTemplate: setup.topicTemplate,
    protocolVersion: setup.protocolVersion,
    registry: setup.registry,
    reconnect: { initialDelayMs: 50, maxDelayMs: 500 },
  };
}
