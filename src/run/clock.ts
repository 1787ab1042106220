import { performance } from 'node:perf_hooks';
import type { RunResult } from './run-result.ts';

/** Starts timing a run; the returned function reads its wall-clock and CPU time so far. */
export function runClock(): () => Pick<RunResult, 'milliseconds' | 'cpuMilliseconds'> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { milliseconds: performance.now() - wall, cpuMilliseconds: (used.user + used.system) / 1000 };
  };
}
