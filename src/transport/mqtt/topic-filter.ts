/** True when `topic` matches the MQTT subscription filter (with "+" and "#" wildcards). */
export function matchesFilter(filter: string, topic: string): boolean {
  const want = filter.split("/");
  const have = topic.split("/");
  // [MQTT-4.7.2-1]: wildcards at the first level never match topics starting with "$".
  if (topic.startsWith("$") && (want[0] === "+" || want[0] === "#")) return false;
  for (let i = 0; i < want.length; i++) {
    if (want[i] === "#") return true;
    if (i >= have.length || (want[i] !== "+" && want[i] !== have[i])) return false;
  }
  return want.length === have.length;
}
