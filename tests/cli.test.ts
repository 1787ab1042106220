import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userErrorLine } from '../src/cli/errors.ts';
import { buildProgram } from '../src/cli.ts';
import { tableJsonSchema } from '../src/output/table-writer.ts';
import { TABLE_NAMES } from '../src/schemas/index.ts';
import { ROOT, runMain, temporaryDirectory } from './helpers/run.ts';

// The commands here stop before they read a document; tests/cli/extract.test.ts runs extract over documents and
// tests/cli/process.test.ts runs the quarry binary.

/** Inputs for the tests of --out: they stop before reading them. */
const RAW = path.join(ROOT, 'data', 'raw');

describe('quarry CLI', () => {
  it.each([
    [['--help'], 'Usage: quarry'],
    [['extract', '--help'], 'Usage: quarry extract'],
    [['eval', '--help'], 'Usage: quarry eval'],
    [['help', 'extract'], 'Usage: quarry extract'],
  ])('%j prints help and exits 0', async (args, expected) => {
    const { code, stdout } = await runMain(args);
    expect(code).toBe(0);
    expect(stdout).toContain(expected);
  });

  it.each([['--version'], ['-V']])('%s prints the version of the package and exits 0', async (flag) => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runMain([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    [['extract', '--bogus'], "quarry: unknown option '--bogus'\n(see quarry extract --help)\n"],
    [
      ['extract', '--workers', 'many'],
      "quarry: option '-w, --workers <n>' argument 'many' is invalid. expected auto or a whole number of workers (0 runs everything in the main thread)\n(see quarry extract --help)\n",
    ],
    [['eval', 'out'], "quarry: required option '-g, --gold <dir>' not specified\n(see quarry eval --help)\n"],
    [['extrct'], "quarry: unknown command 'extrct'\n(Did you mean extract?)\n(see quarry --help)\n"],
    [['train', '--corpus', 'a', '--out', 'm.model'], 'quarry: --corpus and --gold go in pairs: 1 --corpus and 0 --gold given\n(see quarry train --help)\n'],
  ])('%j is a usage error: one line and where the usage is, exit 2', async (args, expected) => {
    expect(await runMain(args)).toEqual({ code: 2, stdout: '', stderr: expected });
  });

  it('exits 2 naming the input that does not exist', async () => {
    const { code, stderr } = await runMain(['extract', 'no/such/folder', '--out', await temporaryDirectory()]);
    expect(code).toBe(2);
    expect(stderr).toBe('quarry: input not found: no/such/folder\n');
  });

  it('exits 2 naming the bad config field and the option a misspelt key means', async () => {
    const folder = await temporaryDirectory();
    const configFile = path.join(folder, 'bad.config.ts');
    await writeFile(configFile, "export default { segment: { maxPassageChars: 'long' }, wrokers: 2 };\n");
    const { code, stderr } = await runMain(['extract', '--config', configFile]);
    expect(code).toBe(2);
    expect(stderr).toContain('segment.maxPassageChars: Invalid input: expected number, received string');
    expect(stderr).toContain('(root): unknown option "wrokers" (did you mean "workers"?)');
  });

  it('exits 2 when the named config file is missing', async () => {
    const { code, stderr } = await runMain(['extract', '--config', 'missing.config.ts']);
    expect(code).toBe(2);
    expect(stderr).toBe('quarry: config file not found: missing.config.ts\n');
  });

  it('exits 2 with one line when --out is a file', async () => {
    const file = path.join(await temporaryDirectory(), 'taken.txt');
    await writeFile(file, 'not a folder');
    const { code, stderr } = await runMain(['extract', RAW, '--out', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `quarry: the output folder ${file} is a file, not a folder; name a folder with --out (it is created when missing)\n(see quarry extract --help)\n`,
    );
  });

  it('exits 2 with one line when --out lies under a file', async () => {
    const file = path.join(await temporaryDirectory(), 'taken.txt');
    await writeFile(file, 'not a folder');
    const { code, stderr } = await runMain(['extract', RAW, '--out', path.join(file, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`quarry: not a directory: ${path.join(file, 'out')} (mkdir)\n`);
  });

  it('quarry schemas writes the JSON Schema of every table', async () => {
    const folder = path.join(await temporaryDirectory(), 'schema');
    const { code, stderr } = await runMain(['schemas', '--out', folder]);
    expect(code).toBe(0);
    expect(stderr).toBe(`quarry: ${TABLE_NAMES.length} schemas in ${folder}\n`);
    expect((await readdir(folder)).sort()).toEqual(TABLE_NAMES.map((table) => `${table}.schema.json`).sort());
    expect(await readFile(path.join(folder, 'claims.schema.json'), 'utf8')).toBe(tableJsonSchema('claims'));
  });

  it('every npm script that runs quarry runs one of its commands', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const commands = new Set(buildProgram(() => {}).commands.map((command) => command.name()));
    const used = Object.values(scripts).flatMap((script) => [...script.matchAll(/bin\/quarry\.mjs (\S+)/g)].map((match) => match[1]));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((command) => !commands.has(command as string))).toEqual([]);
  });
});

describe('userErrorLine', () => {
  it('says a permission problem in one line, with the path and the operation', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/data/out/x.csv'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/data/out/x.csv',
    });
    expect(userErrorLine(error)).toBe('permission denied: /data/out/x.csv (open)');
  });

  it('gives null for an error that is a bug, so that it keeps its stack', () => {
    expect(userErrorLine(new TypeError('cannot read properties of undefined'))).toBeNull();
  });
});
