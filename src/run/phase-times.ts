import { performance } from 'node:perf_hooks';

/**
 * Wall-clock time of a run's phases in the main thread, in milliseconds,
 * added up as they run (a phase can run many times: once per document). The
 * manifest records them as `timings.phase_ms`.
 */
export class PhaseTimes {
  readonly milliseconds: Record<string, number> = {};

  /** Adds the time since `started` (a `performance.now()` reading) to `phase`. */
  addSince(phase: string, started: number): void {
    this.milliseconds[phase] = (this.milliseconds[phase] ?? 0) + performance.now() - started;
  }

  /** Runs `work`, adding its time to `phase`. */
  time<Value>(phase: string, work: () => Value): Value {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.addSince(phase, started);
    }
  }

  /** Runs `work` and awaits it, adding its time to `phase`: the part before its first await as well as the wait. */
  async timeAsync<Value>(phase: string, work: () => Promise<Value>): Promise<Value> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.addSince(phase, started);
    }
  }
}
