import { startObu, type ObuDevice, type ObuOptions } from "./obu/obu-device.ts";
import { startPlatform, type PlatformDevice, type PlatformOptions } from "./platform/platform-device.ts";
import type { DeviceRole } from "./role.ts";
import { startRsu, type RsuDevice, type RsuOptions } from "./rsu/rsu-device.ts";
import type { TboxOptions } from "./tbox/options.ts";
import { startTbox, type TboxDevice } from "./tbox/tbox-device.ts";
import { startVss, type VssDevice, type VssOptions } from "./vss/vss-device.ts";

export interface DeviceOptionsByRole {
  obu: ObuOptions;
  rsu: RsuOptions;
  tbox: TboxOptions;
  platform: PlatformOptions;
  vss: VssOptions;
}

export interface DeviceByRole {
  obu: ObuDevice;
  rsu: RsuDevice;
  tbox: TboxDevice;
  platform: PlatformDevice;
  vss: VssDevice;
}

const STARTERS: { [R in DeviceRole]: (options: DeviceOptionsByRole[R]) => Promise<DeviceByRole[R]> } = {
  obu: startObu,
  rsu: startRsu,
  tbox: startTbox,
  platform: startPlatform,
  vss: startVss,
};

/**
 * Starts the reference device of `role`: correct unless `options.faults` names faults to switch
 * on. Rejects with a DeviceError (unknown fault, bad option, broker or port unusable).
 */
export function startDevice<R extends DeviceRole>(role: R, options: DeviceOptionsByRole[R]): Promise<DeviceByRole[R]> {
  const start: (options: DeviceOptionsByRole[R]) => Promise<DeviceByRole[R]> = STARTERS[role];
  return start(options);
}
