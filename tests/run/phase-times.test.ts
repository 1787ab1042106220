import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PhaseTimes } from '../../src/run/phase-times.ts';

/** Keeps the thread busy for `milliseconds`. */
function busy(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until);
}

describe('PhaseTimes', () => {
  it('adds up the time of each phase over its runs, sync and awaited', async () => {
    const phases = new PhaseTimes();
    expect(phases.time('sync', () => 42)).toBe(42);
    expect(await phases.timeAsync('waited', () => sleep(20, 'done'))).toBe('done');
    await phases.timeAsync('waited', () => sleep(20));
    expect(Object.keys(phases.milliseconds).sort()).toEqual(['sync', 'waited']);
    expect(phases.milliseconds.waited).toBeGreaterThanOrEqual(38);
    expect(phases.milliseconds.sync).toBeLessThan(phases.milliseconds.waited as number);
  });

  it('counts the work an async function does before its first await', async () => {
    const phases = new PhaseTimes();
    await phases.timeAsync('async', async () => {
      busy(30);
      await sleep(1);
    });
    expect(phases.milliseconds.async).toBeGreaterThanOrEqual(30);
  });

  it('counts the time of work that throws', async () => {
    const phases = new PhaseTimes();
    expect(() =>
      phases.time('failing', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    await expect(
      phases.timeAsync('rejected', async () => {
        throw new Error('late');
      }),
    ).rejects.toThrow('late');
    expect(Object.keys(phases.milliseconds).sort()).toEqual(['failing', 'rejected']);
  });
});
