import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, defineConfig, loadConfig, resolveConfig } from '../src/config.ts';
import { SPREADSHEET_CELL_LIMIT } from '../src/output/csv.ts';

// The documented defaults. Compared with toMatchObject, so an option added later does not break these tests, but a changed default does.
const DEFAULTS = {
  input: ['data/raw'],
  output: 'data/out',
  progress: 'auto',
  report: true,
  load: { extensions: ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'], maxFileBytes: 52428800, concurrency: 16 },
  segment: { maxPassageChars: 2000, maxHeadingChars: 150 },
  extractEntities: { lexicons: [] },
  extractDates: { defaultReferenceDate: null },
  extractFigures: { decimalSeparator: 'auto' },
};

const folder = mkdtempSync(path.join(os.tmpdir(), 'quarry-config-test-'));
// Config files live in an ES module package, like quarry's own pipeline.config.ts.
writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');
afterAll(() => rmSync(folder, { recursive: true, force: true }));
/** Writes a config file into the temp folder and returns its path. */
const configFile = (name: string, content: string): string => {
  const file = path.join(folder, name);
  writeFileSync(file, content);
  return file;
};

/** A path in a config file in the temp folder, as loadConfig gives it: from the file's folder, relative to the working folder. */
const inFolder = (relative: string): string => path.relative(process.cwd(), path.join(folder, relative));

/** The ConfigError message resolveConfig throws for a config, or null when it accepts it. */
const configErrorOf = (config: unknown): string | null => {
  try {
    resolveConfig(config);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

describe('resolveConfig', () => {
  it.each([[undefined], [null], [{}]])('fills every default for %j', (config) => {
    expect(resolveConfig(config)).toMatchObject({ ...DEFAULTS, workers: 'auto', write: { csvBom: false } });
  });

  it('keeps given values and fills the rest of a stage from the defaults', () => {
    expect(
      resolveConfig({ output: 'out', load: { maxFileBytes: 10 }, segment: { maxHeadingChars: 80 }, extractDates: { defaultReferenceDate: '2016-01-07' } }),
    ).toMatchObject({
      ...DEFAULTS,
      output: 'out',
      load: { ...DEFAULTS.load, maxFileBytes: 10 },
      segment: { maxPassageChars: 2000, maxHeadingChars: 80 },
      extractDates: { defaultReferenceDate: '2016-01-07' },
    });
  });

  it.each([
    [{ input: ['a', 'b'], progress: 'never' }],
    [{ workers: 'auto' }],
    [{ workers: 0 }],
    [{ load: { extensions: ['.txt'], concurrency: 1024 } }],
    [{ segment: { maxPassageChars: 80 } }],
    [{ segment: { maxPassageChars: SPREADSHEET_CELL_LIMIT } }],
  ])('accepts %j', (config) => {
    expect(configErrorOf(config)).toBeNull();
  });

  it.each([
    [{ bogus: 1 }, '(root)', 'bogus'],
    [{ load: { maxFileSize: 10 } }, 'load', 'maxFileSize'],
    [{ segment: { maxChars: 100 } }, 'segment', 'maxChars'],
    [{ extractDates: { referenceDate: '2016-01-07' } }, 'extractDates', 'referenceDate'],
  ])('names the unknown key in %j', (config, field, key) => {
    const message = configErrorOf(config);
    expect(message).toContain(`  ${field}: `);
    expect(message).toContain(`"${key}"`);
  });

  it.each([
    [{ progres: 'never' }, '(root)', 'unknown option "progres" (did you mean "progress"?)'],
    [{ Workers: 2, colour: 'red' }, '(root)', 'unknown options "Workers" (did you mean "workers"?), "colour"'],
    [{ segment: { maxPasageChars: 100 } }, 'segment', 'unknown option "maxPasageChars" (did you mean "maxPassageChars"?)'],
    [{ load: { extension: ['.txt'] } }, 'load', 'unknown option "extension" (did you mean "extensions"?)'],
  ])('suggests the option an unknown key is a misspelling of in %j', (config, field, expected) => {
    expect(configErrorOf(config)).toBe(`invalid config:\n  ${field}: ${expected}`);
  });

  it.each([
    [{ input: 'data/raw' }, 'input'],
    [{ input: [] }, 'input'],
    [{ input: [''] }, 'input.0'],
    [{ output: 5 }, 'output'],
    [{ output: '' }, 'output'],
    [{ progress: 'sometimes' }, 'progress'],
    [{ workers: 'many' }, 'workers'],
    [{ workers: -1 }, 'workers'],
    [{ report: 'yes' }, 'report'],
    [{ load: 'fast' }, 'load'],
    [{ load: { maxFileBytes: 'big' } }, 'load.maxFileBytes'],
    [{ load: { maxFileBytes: 0 } }, 'load.maxFileBytes'],
    [{ load: { maxFileBytes: 1.5 } }, 'load.maxFileBytes'],
    [{ load: { concurrency: 2000 } }, 'load.concurrency'],
    [{ load: { extensions: ['txt'] } }, 'load.extensions.0'],
    [{ load: { extensions: [] } }, 'load.extensions'],
    [{ segment: { maxPassageChars: 79 } }, 'segment.maxPassageChars'],
    [{ segment: { maxPassageChars: 40000 } }, 'segment.maxPassageChars'],
    [{ segment: { maxHeadingChars: '150' } }, 'segment.maxHeadingChars'],
    [{ extractDates: { defaultReferenceDate: '2016-1-7' } }, 'extractDates.defaultReferenceDate'],
    [{ extractDates: { defaultReferenceDate: 20160107 } }, 'extractDates.defaultReferenceDate'],
    [{ extractFigures: { decimalSeparator: ';' } }, 'extractFigures.decimalSeparator'],
    [{ extractFigures: { thousandsSeparator: ',' } }, 'extractFigures'],
    [{ extractEntities: { lexicons: ['names.txt'] } }, 'extractEntities.lexicons.0'],
    [{ extractEntities: { lexicons: [path.join(os.tmpdir(), 'quarry-config-test-missing-5d1e.csv')] } }, 'extractEntities.lexicons.0'],
    [{ extractEntities: { lexicons: 'names.csv' } }, 'extractEntities.lexicons'],
    [{ extractEntities: { recognizer: 'crf' } }, 'extractEntities.recognizer'],
    [{ extractEntities: { model: path.join(os.tmpdir(), 'quarry-config-test-missing-5d1e.model') } }, 'extractEntities.model'],
  ])('names the bad field of %j: %s', (config, field) => {
    const message = configErrorOf(config);
    expect(message).toMatch(new RegExp(`^invalid config:\\n  ${field.replace(/\./g, '\\.')}: `));
  });

  it('accepts a lexicon file that exists', () => {
    const lexicon = configFile('names.csv', 'name,type,aliases\nFalun Gong,organization,FLG\n');
    expect(resolveConfig({ extractEntities: { lexicons: [lexicon] } }).extractEntities).toEqual({ recognizer: 'model', model: null, lexicons: [lexicon] });
  });

  it('chooses the recognizer and the model file', () => {
    const model = configFile('mine.model', 'not read here');
    expect(resolveConfig({ extractEntities: { recognizer: 'rules' } }).extractEntities).toEqual({ recognizer: 'rules', model: null, lexicons: [] });
    expect(resolveConfig({ extractEntities: { model } }).extractEntities).toEqual({ recognizer: 'model', model, lexicons: [] });
  });

  it('names every bad field at once', () => {
    const message = configErrorOf({ output: 5, load: { concurrency: 0 }, segment: { maxHeadingChars: 1 } });
    expect(message?.split('\n').map((line) => line.split(':')[0])).toEqual(['invalid config', '  output', '  load.concurrency', '  segment.maxHeadingChars']);
  });

  it.each([[5], ['config'], [[]]])('rejects a config that is not an object: %j', (config) => {
    expect(configErrorOf(config)).toMatch(/^invalid config:\n {2}\(root\): /);
  });

  it('names the origin in the message', () => {
    expect(() => resolveConfig({ output: 5 }, 'config file x.ts')).toThrow(/^invalid config file x\.ts:\n {2}output: /);
  });

  it('throws an error named ConfigError', () => {
    expect(() => resolveConfig({ bogus: true })).toThrow(expect.objectContaining({ name: 'ConfigError' }));
  });
});

describe('defineConfig', () => {
  it('returns its argument unchanged', () => {
    const config = { output: 'x', segment: { maxPassageChars: 100 } };
    expect(defineConfig(config)).toBe(config);
  });
});

describe('loadConfig', () => {
  it('loads a TypeScript config file and fills the defaults', async () => {
    const file = configFile(
      'typed.config.ts',
      [
        'interface Options { output: string; segment: { maxPassageChars: number } }',
        "const options: Options = { output: 'out/from-file', segment: { maxPassageChars: 500 } };",
        'export default options;',
      ].join('\n'),
    );
    expect(await loadConfig(file)).toMatchObject({ ...DEFAULTS, output: inFolder('out/from-file'), segment: { maxPassageChars: 500, maxHeadingChars: 150 } });
  });

  it('loads a config file that uses defineConfig', async () => {
    const source = path.resolve('src/config.ts');
    const file = configFile(
      'define.config.ts',
      `import { defineConfig } from ${JSON.stringify(source)};\nexport default defineConfig({ input: ['corpus'], progress: 'never' });\n`,
    );
    expect(await loadConfig(file)).toMatchObject({ ...DEFAULTS, input: [inFolder('corpus')], progress: 'never' });
  });

  it('applies overrides on top of the file, ignoring undefined ones', async () => {
    const file = configFile('override.config.ts', "export default { input: ['from-file'], output: 'file-out' };\n");
    expect(await loadConfig(file, { output: 'cli-out', input: undefined })).toMatchObject({ ...DEFAULTS, input: [inFolder('from-file')], output: 'cli-out' });
  });

  it("takes the file's relative paths from its folder, and leaves absolute paths and the defaults as they are", async () => {
    const lexicon = configFile('people.csv', 'name,type,aliases\nLi Dayong,person,\n');
    const file = configFile(
      'paths.config.ts',
      `export default { input: ['raw', ${JSON.stringify(folder)}], cacheDirectory: 'cache', extractEntities: { lexicons: ['people.csv'] } };\n`,
    );
    const config = await loadConfig(file);
    expect(config.input).toEqual([inFolder('raw'), folder]);
    expect(config.output).toBe('data/out');
    expect(config.cacheDirectory).toBe(inFolder('cache'));
    expect(config.extractEntities.lexicons).toEqual([path.relative(process.cwd(), lexicon)]);
  });

  it('throws ConfigError naming a missing file', async () => {
    const missing = path.join(folder, 'missing.config.ts');
    await expect(loadConfig(missing)).rejects.toThrow(ConfigError);
    await expect(loadConfig(missing)).rejects.toThrow(`config file not found: ${missing}`);
  });

  it('throws ConfigError for a file without a default export', async () => {
    const file = configFile('nodefault.config.ts', "export const output = 'x';\n");
    await expect(loadConfig(file)).rejects.toThrow(`config file ${file} has no default export (use: export default defineConfig({...}))`);
  });

  it('throws ConfigError for a file that does not compile', async () => {
    const file = configFile('broken.config.ts', 'export default {{{ ;\n');
    await expect(loadConfig(file)).rejects.toThrow(ConfigError);
    await expect(loadConfig(file)).rejects.toThrow(`cannot load config file ${file}: `);
  });

  it('throws ConfigError naming the file and the bad field', async () => {
    const file = configFile('invalid.config.ts', 'export default { load: { maxFileBytes: -1 }, extra: true };\n');
    const error = await loadConfig(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe(`invalid config file ${file}:`);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(':')[0])
        .sort(),
    ).toEqual(['  (root)', '  load.maxFileBytes']);
  });

  it('throws ConfigError naming a bad override', async () => {
    const file = configFile('fine.config.ts', 'export default {};\n');
    await expect(loadConfig(file, { progress: 'loud' as 'never' })).rejects.toThrow(/^invalid command line options:\n {2}progress: /);
  });
});
