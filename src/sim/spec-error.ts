/**
 * A simulation spec (road network, route, signal plan, RSU, T-Box) that cannot be built. The message
 * names where the problem is, what was expected and what was found.
 */
export class SpecError extends Error {
  override readonly name = "SpecError";
  readonly where: string;

  constructor(where: string, expected: string, got: string) {
    super(`${where}: expected ${expected}, got ${got}`);
    this.where = where;
  }
}
