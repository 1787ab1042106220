import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import pipelineConfig from '../pipeline.config.ts';
import { resolveConfig } from '../src/config.ts';

// The repository root, found here rather than from tests/helpers/run.ts, which loads the whole pipeline.
const CONFIG_FILE = path.resolve(import.meta.dirname, '..', 'pipeline.config.ts');
const DEFAULTS = resolveConfig({});

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every option a config object sets, named `option` or `stage.option`, with its value. */
function optionValues(config: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  return new Map(
    Object.entries(config).flatMap(([key, value]) =>
      isPlainObject(value) ? [...optionValues(value, `${prefix}${key}.`)] : [[`${prefix}${key}`, value] as const],
    ),
  );
}

/** The options a config sets to their default value: it would keep that value when the default changes. */
function pinnedDefaults(config: Record<string, unknown>): string[] {
  const defaults = optionValues(DEFAULTS);
  return [...optionValues(config)]
    .filter(([option, value]) => defaults.has(option) && isDeepStrictEqual(value, defaults.get(option)))
    .map(([option]) => option);
}

/** The options pipeline.config.ts lists in comments inside `defineConfig({...})`, as the object they make uncommented. */
async function commentedOptions(): Promise<Record<string, unknown>> {
  const text = await readFile(CONFIG_FILE, 'utf8');
  const body = text.slice(text.indexOf('defineConfig({'), text.lastIndexOf('});'));
  const uncommented = body
    .split('\n')
    .filter((line) => /^\s*\/\//.test(line))
    .map((line) => line.replace(/^(\s*)\/\/ ?/, '$1'));
  // Evaluated, not parsed as JSON, so a value can be written as in code (50 * 1024 * 1024); the JSON round trip brings it into this realm.
  return JSON.parse(JSON.stringify(vm.runInNewContext(`({\n${uncommented.join('\n')}\n})`))) as Record<string, unknown>;
}

describe('pinnedDefaults', () => {
  it('names the options a config sets to their default, in a stage too', () => {
    expect(pinnedDefaults({ workers: 'auto', output: 'out', load: { concurrency: 16, maxFileBytes: 10 }, extractEntities: { lexicons: [] } })).toEqual([
      'workers',
      'load.concurrency',
      'extractEntities.lexicons',
    ]);
  });
});

describe('pipeline.config.ts', () => {
  it('sets no option to its default, so `npm start` follows a changed default', () => {
    expect(pinnedDefaults(pipelineConfig)).toEqual([]);
  });

  it('lists, commented out, every option it does not set, each with its default', async () => {
    const commented = optionValues(await commentedOptions());
    const defaults = optionValues(DEFAULTS);
    const set = optionValues(pipelineConfig);
    const wrong = [...commented]
      .filter(([option, value]) => !defaults.has(option) || !isDeepStrictEqual(value, defaults.get(option)))
      .map(([option]) => option);
    expect(wrong).toEqual([]);
    expect([...defaults.keys()].filter((option) => !set.has(option) && !commented.has(option))).toEqual([]);
    expect(commented.size).toBeGreaterThan(0);
  });
});
