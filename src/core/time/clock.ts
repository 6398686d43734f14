/** Where "now" comes from, so tests control time and nothing sleeps. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
  advanceHours(hours: number): void {
    this.advance(hours * 3_600_000);
  }
}
