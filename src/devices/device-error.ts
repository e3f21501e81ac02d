/** The closed list of reasons a reference device refuses to start. */
export type DeviceErrorName =
  | "UnknownFaultError" // a fault name the role's catalogue does not have
  | "DeviceOptionError" // an option out of range or of the wrong shape
  | "DeviceStartError"; // the broker, port or network could not be used

const NAMES: ReadonlySet<string> = new Set<DeviceErrorName>(["UnknownFaultError", "DeviceOptionError", "DeviceStartError"]);

/** Why a device could not start; the message is one line saying what to change. Serialises to JSON. */
export class DeviceError extends Error {
  override readonly name: DeviceErrorName;

  constructor(name: DeviceErrorName, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
  }

  toJSON(): { name: DeviceErrorName; message: string } {
    return { name: this.name, message: this.message };
  }
}

/** True for any DeviceError (optionally of one name), also one made by a second loaded copy of this module. */
export function isDeviceError(value: unknown, name?: DeviceErrorName): value is DeviceError {
  return value instanceof Error && NAMES.has(value.name) && (name === undefined || value.name === name);
}
