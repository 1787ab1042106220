import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatSeconds, progressDisplay, progressLine, progressMode, PROGRESS_LINE_SECONDS } from '../../src/cli/progress.ts';
import { resolveConfig } from '../../src/config.ts';
import { runPipeline, type ProgressEvent } from '../../src/pipeline.ts';
import { temporaryDirectory } from '../helpers/run.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('progressMode', () => {
  it.each([
    ['auto', true, 'bar'],
    ['auto', false, 'none'],
    ['always', true, 'bar'],
    ['always', false, 'lines'],
    ['never', true, 'none'],
    ['never', false, 'none'],
  ] as const)('progress %s with stderr a terminal: %s -> %s', (setting, terminal, expected) => {
    expect(progressMode(setting, terminal)).toBe(expected);
  });
});

describe('progressLine', () => {
  it('gives the share, the rate and the time left', () => {
    const event: ProgressEvent = { phase: 'extracting', done: 30, total: 120, document: 'a' };
    expect(progressLine(event, 0, 10_000)).toBe('quarry: extracting 30/120 documents (25%), 3.0 documents/s, about 30 s left');
  });

  it('gives only the count when a phase starts', () => {
    expect(progressLine({ phase: 'writing', done: 0, total: 7, document: '' }, 0, 0)).toBe('quarry: writing tables 0/7 documents (0%)');
  });

  it.each([
    [42, '42 s'],
    [65, '1 min 05 s'],
    [600, '10 min 00 s'],
  ])('%d seconds are "%s"', (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected);
  });
});

describe('progress lines for a log', () => {
  it('writes a line when a phase starts and ends, and in between at most one every few seconds', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    let now = 0;
    const display = progressDisplay('lines', () => now);
    const extracting = (done: number): ProgressEvent => ({ phase: 'extracting', done, total: 4, document: `d${done}` });
    display.update(extracting(0));
    now = 1000;
    display.update(extracting(1));
    now = 1000 + PROGRESS_LINE_SECONDS * 1000;
    display.update(extracting(2));
    now += 1000;
    display.update(extracting(3));
    display.update(extracting(4));
    display.update({ phase: 'writing', done: 0, total: 4, document: '' });
    expect(lines.map((line) => line.split(' documents')[0])).toEqual([
      'quarry: extracting 0/4',
      'quarry: extracting 2/4',
      'quarry: extracting 4/4',
      'quarry: writing tables 0/4',
    ]);
  });
});

describe('the progress of a run', () => {
  it('counts the documents before extracting (JSONL records too) and goes through extracting, writing and report', async () => {
    const input = await temporaryDirectory();
    await writeFile(path.join(input, 'a.txt'), 'Li Dayong spoke in Beijing.');
    await mkdir(path.join(input, 'feed'));
    await writeFile(path.join(input, 'feed', 'records.jsonl'), '{"id": "r1", "text": "One."}\n\n{"id": "r2", "text": "Two."}\n');
    const events: ProgressEvent[] = [];
    const config = resolveConfig({ input: [input], output: await temporaryDirectory(), progress: 'never', workers: 0 });
    await runPipeline(config, { onProgress: (event) => events.push({ ...event }) });
    const phases = events.map((event) => `${event.phase} ${event.done}/${event.total}`);
    expect(phases).toEqual([
      'extracting 0/3',
      'extracting 1/3',
      'extracting 2/3',
      'extracting 3/3',
      'writing 0/3',
      'writing 1/3',
      'writing 2/3',
      'writing 3/3',
      'report 0/1',
    ]);
    expect(events.filter((event) => event.phase === 'writing').map((event) => event.document)).toEqual(['', 'a', 'r1', 'r2']);
  });
});
