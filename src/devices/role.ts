/** The roles a reference device can play (ARCHITECTURE.md §6). */
export const DEVICE_ROLES = ["obu", "rsu", "tbox", "platform", "vss"] as const;

export type DeviceRole = (typeof DEVICE_ROLES)[number];

export function isDeviceRole(value: string): value is DeviceRole {
  return (DEVICE_ROLES as readonly string[]).includes(value);
}
