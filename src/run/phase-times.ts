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
  run<Value>(phase: string, work: () => Value): Value {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.addSince(phase, started);
    }
  }

  /** Awaits `pending`, adding the time waited to `phase`. */
  async wait<Value>(phase: string, pending: Promise<Value>): Promise<Value> {
    const started = performance.now();
    try {
      return await pending;
    } finally {
      this.addSince(phase, started);
    }
  }
}
