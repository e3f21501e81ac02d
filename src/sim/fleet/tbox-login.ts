import { Command, Edition, Encryption, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { Random } from "../random.ts";
import { beijingTime } from "../tbox.ts";

/** The highest login serial (GB/T 32960.3-2016 table 6); the next one starts at 1 again. */
const MAX_SERIAL = 65531;
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The logins of one T-Box: a GB/T 32960-2016 vehicle login (command 0x01) each time its link comes
 * up, the serial starting at 1 each (Beijing) day and going up by one per login. The ICCID of its
 * SIM card is fixed per VIN.
 */
export class TboxLogins {
  readonly vin: string;
  readonly iccid: string;
  private serial = 0;
  private day: number | undefined;

  constructor(vin: string) {
    this.vin = vin;
    this.iccid = iccidOf(vin);
  }

  /** The login frame for a login at `epochMs`. */
  next(epochMs: number): Frame {
    const day = Math.floor((epochMs + BEIJING_OFFSET_MS) / DAY_MS);
    this.serial = day === this.day && this.serial < MAX_SERIAL ? this.serial + 1 : 1;
    this.day = day;
    return {
      edition: Edition.EDITION_2016,
      command: Command.VEHICLE_LOGIN,
      responseFlag: ResponseFlag.COMMAND,
      uniqueId: this.vin,
      encryption: Encryption.NONE,
      // One storage subsystem, its code not sent (code length 0).
      vehicleLogin2016: { time: beijingTime(epochMs), serial: { value: this.serial }, iccid: this.iccid, ressCount: 1, ressCodeLength: 0, ressCodes: [] },
    };
  }
}

/** A 20-digit ICCID of a Chinese SIM (89 86 …) drawn from the VIN, with its Luhn check digit. */
export function iccidOf(vin: string): string {
  const random = new Random(`iccid:${vin}`);
  const body = `898600${Array.from({ length: 13 }, () => random.integer(0, 9)).join("")}`;
  return `${body}${luhnDigit(body)}`;
}

function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
