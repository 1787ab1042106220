import { describe, expect, it } from 'vitest';
import { AUTO_WORKERS_MIN_BYTES, workerCount } from '../../src/run/worker-count.ts';

describe('workerCount', () => {
  it.each([
    [0, 10_000_000, 8, 0],
    [3, 1_000, 8, 3],
    ['auto', 0, 8, 0],
    ['auto', AUTO_WORKERS_MIN_BYTES - 1, 8, 0],
    ['auto', AUTO_WORKERS_MIN_BYTES, 8, 8],
    ['auto', AUTO_WORKERS_MIN_BYTES, 2, 2],
    ['auto', 10_000_000, 1, 0],
  ] as const)('workers %s, %d input bytes, %d cores: %d threads', (setting, bytes, cores, expected) => {
    expect(workerCount(setting, bytes, cores)).toBe(expected);
  });
});
