import { startDevice } from "../../../src/devices/index.ts";
import { registry, sleep, type Finished } from "./bus.ts";
import { VissSocket, type Received } from "./viss-socket.ts";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzY3AiOiJ3In0.c2lnbmF0dXJl";
const ACTUATOR = "Vehicle.Cabin.Infotainment.Media.Volume";
export const ACTUATOR_VALUE = "42";
export const SENSOR = "Vehicle.Speed";
export const TIMEBASED_MS = 200;

/** One request of the script and the answer that followed it. */
export interface Exchange {
  readonly requestId: string;
  readonly answer: Received | undefined;
}

/** What a scripted VSS run recorded, by step. */
export interface VssRun {
  readonly subprotocol: string;
  readonly getSpeed: Exchange;
  readonly getUnknown: Exchange;
  readonly setSensor: Exchange;
  readonly setWithoutToken: Exchange;
  readonly setActuator: Exchange;
  readonly getActuator: Exchange;
  readonly timebased: { readonly subscribe: Exchange; readonly events: readonly Received[] };
  readonly change: { readonly subscribe: Exchange; readonly events: readonly Received[] };
  readonly unsubscribe: Exchange;
  /** Events of the timebased subscription more than 300 ms after the unsubscribe was answered. */
  readonly eventsAfterUnsubscribe: readonly Received[];
  readonly malformed: { readonly answer: Received | undefined; readonly openAfter: boolean; readonly getAfter: Exchange };
  readonly all: readonly Received[];
}

/**
 * The scripted run every VSS test shares, about 2.5 s on one connection: get, get of an unknown
 * path, set on a sensor, set without a token, set and read back an actuator, a timebased and a
 * change subscription, an unsubscribe, then a frame that is not JSON and a get after it.
 */
export async function runVss(faults: readonly string[], finished: Finished): Promise<VssRun> {
  const vss = await startDevice("vss", { registry, faults });
  finished(() => vss.stop());
  // A server that selects no subprotocol fails the client's handshake; the rest of the run goes on without one.
  const client = await VissSocket.open(vss.url, finished).catch(() => VissSocket.open(vss.url, finished, []));
  let n = 0;
  const ask = async (request: Record<string, unknown>): Promise<Exchange> => {
    const requestId = `r${++n}`;
    return { requestId, answer: await client.request({ ...request, requestId }) };
  };
  const getSpeed = await ask({ action: "get", path: SENSOR });
  const getUnknown = await ask({ action: "get", path: "Vehicle.NoSuchSignal" });
  const setSensor = await ask({ action: "set", path: SENSOR, value: "12", authorization: TOKEN });
  const setWithoutToken = await ask({ action: "set", path: ACTUATOR, value: "55" });
  const setActuator = await ask({ action: "set", path: ACTUATOR, value: ACTUATOR_VALUE, authorization: TOKEN });
  const getActuator = await ask({ action: "get", path: ACTUATOR });
  const timebased = await ask({ action: "subscribe", path: SENSOR, filter: { type: "timebased", parameter: { period: String(TIMEBASED_MS) } } });
  const change = await ask({ action: "subscribe", path: "Vehicle.CurrentLocation.Timestamp", filter: { type: "change", parameter: { "logic-op": "ne", diff: "0" } } });
  await sleep(1200);
  const timebasedId = timebased.answer?.json?.["subscriptionId"];
  const unsubscribe = await ask({ action: "unsubscribe", subscriptionId: timebasedId });
  const unsubscribedAt = Date.now();
  await sleep(800);
  const malformedAnswer = await client.request("{not json");
  await sleep(200);
  const openAfter = client.open;
  const getAfter = openAfter ? await ask({ action: "get", path: SENSOR }) : { requestId: "none", answer: undefined };
  await vss.stop();
  return {
    subprotocol: client.socket.protocol,
    getSpeed,
    getUnknown,
    setSensor,
    setWithoutToken,
    setActuator,
    getActuator,
    timebased: { subscribe: timebased, events: client.events(timebasedId).filter((e) => e.at < unsubscribedAt) },
    change: { subscribe: change, events: client.events(change.answer?.json?.["subscriptionId"]) },
    unsubscribe,
    eventsAfterUnsubscribe: client.events(timebasedId).filter((e) => e.at > unsubscribedAt + 300),
    malformed: { answer: malformedAnswer, openAfter, getAfter },
    all: client.received,
  };
}
