import type { MqttClient } from "mqtt";

/** Disconnects a connected client cleanly (in-flight messages acknowledged), waiting at most `timeoutMs`. */
export async function endWithin(client: MqttClient, timeoutMs: number): Promise<void> {
  if (!client.connected) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([client.endAsync(false).catch(() => undefined), timeout]);
  clearTimeout(timer);
}
