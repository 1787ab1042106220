import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PhaseTimes } from '../../src/run/phase-times.ts';

describe('PhaseTimes', () => {
  it('adds up the time of each phase over its runs, sync and awaited', async () => {
    const phases = new PhaseTimes();
    expect(phases.run('sync', () => 42)).toBe(42);
    expect(await phases.wait('waited', sleep(20, 'done'))).toBe('done');
    await phases.wait('waited', sleep(20));
    expect(Object.keys(phases.milliseconds).sort()).toEqual(['sync', 'waited']);
    expect(phases.milliseconds.waited).toBeGreaterThanOrEqual(38);
    expect(phases.milliseconds.sync).toBeLessThan(phases.milliseconds.waited as number);
  });

  it('counts the time of work that throws', async () => {
    const phases = new PhaseTimes();
    expect(() => phases.run('failing', () => {
      throw new Error('boom');
    })).toThrow('boom');
    await expect(phases.wait('rejected', Promise.reject(new Error('late')))).rejects.toThrow('late');
    expect(Object.keys(phases.milliseconds).sort()).toEqual(['failing', 'rejected']);
  });
});
