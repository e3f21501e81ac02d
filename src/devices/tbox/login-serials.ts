/** The largest login serial (GB/T 32960.3-2016 table 6). */
const MAX_SERIAL = 65531;

/** Login serials: from 1 each day, one more per login; `counting` false gives 1 every time. */
export class LoginSerials {
  private readonly counting: boolean;
  private day = "";
  private last = 0;

  constructor(counting: boolean) {
    this.counting = counting;
  }

  /** The serial of a login on `day` ("YYYY-MM-DD", Beijing date). */
  next(day: string): number {
    if (day !== this.day || !this.counting || this.last >= MAX_SERIAL) this.last = 0;
    this.day = day;
    this.last++;
    return this.last;
  }
}
