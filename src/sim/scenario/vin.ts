import { Random } from "../random.ts";

// ISO 3779 / GB 16735 vehicle identification numbers: 17 characters from digits and capital
// letters except I, O and Q, with a check digit in position 9.

const CHARACTERS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
/** Letter values for the check digit; a digit counts as itself. */
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** L: made in China; the rest marks simulated vehicles. */
const WMI = "LSM";
/** Model-year codes 2022 to 2025. */
const MODEL_YEARS = "NPRS";
const SERIAL_DIGITS = 6;

/** The check digit (position 9) of a 17-character VIN, whatever is in position 9 now. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin.charAt(i);
    sum += (LETTER_VALUES[c] ?? Number(c)) * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

/**
 * The VIN of vehicle `n` of a group: the descriptor, model year and plant come from the group's
 * name and the serial is n, so a vehicle's VIN is the same whatever the seed, the group's size or
 * its position in the file, and no two vehicles of a group share one.
 */
export function vehicleVin(group: string, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10 ** SERIAL_DIGITS) throw new RangeError(`vehicleVin: expected a vehicle number 0..${10 ** SERIAL_DIGITS - 1}, got ${n}`);
  const stream = new Random(`vin:${group}`);
  const descriptor = Array.from({ length: 5 }, () => stream.pick([...CHARACTERS])).join("");
  const rest = `${stream.pick([...MODEL_YEARS])}${stream.pick([...CHARACTERS])}${String(n).padStart(SERIAL_DIGITS, "0")}`;
  const draft = `${WMI}${descriptor}0${rest}`;
  return `${WMI}${descriptor}${vinCheckDigit(draft)}${rest}`;
}
