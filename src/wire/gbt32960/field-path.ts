/**
 * The path of the field being read or written, kept as a stack so that naming a field costs a push
 * and a pop; the dotted string is only built when an error needs it.
 */
export class FieldPath {
  private readonly steps: (string | number)[] = [];

  enter(step: string | number): void {
    this.steps.push(step);
  }

  leave(): void {
    this.steps.pop();
  }

  /** "units[2].vehicle.speed" for the steps units, 2, vehicle, plus the leaf "speed". */
  format(leaf?: string): string {
    let path = "";
    for (const step of leaf === undefined ? this.steps : [...this.steps, leaf]) {
      path = typeof step === "number" ? `${path}[${step}]` : path === "" ? step : `${path}.${step}`;
    }
    return path;
  }
}
