import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryDirectory } from './helpers/run.ts';

describe('quarry CLI', () => {
  it.each([
    [['--help'], 'Usage: quarry'],
    [['extract', '--help'], 'Usage: quarry extract'],
    [['eval', '--help'], 'Usage: quarry eval'],
  ])('%j prints help and exits 0', async (args, expected) => {
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(stdout).toContain(expected);
  });

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await runCli(['extract', '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--bogus'");
  });

  it('exits 2 naming the input that does not exist', async () => {
    const { code, stderr } = await runCli(['extract', 'no/such/folder', '--out', await temporaryDirectory()]);
    expect(code).toBe(2);
    expect(stderr).toContain('input not found: no/such/folder');
  });

  it('exits 2 naming the bad config field', async () => {
    const folder = await temporaryDirectory();
    const configFile = path.join(folder, 'bad.config.ts');
    await writeFile(configFile, "export default { segment: { maxPassageChars: 'long' }, colour: 'red' };\n");
    const { code, stderr } = await runCli(['extract', '--config', configFile]);
    expect(code).toBe(2);
    expect(stderr).toContain('segment.maxPassageChars: Invalid input: expected number, received string');
    expect(stderr).toContain('colour');
  });

  it('exits 2 when the named config file is missing', async () => {
    const { code, stderr } = await runCli(['extract', '--config', 'missing.config.ts']);
    expect(code).toBe(2);
    expect(stderr).toContain('config file not found: missing.config.ts');
  });

  it('prints a summary with rows per table and words per second', async () => {
    const input = await temporaryDirectory();
    await writeFile(path.join(input, 'one.txt'), 'Ms. Li Dayong of the Global Service Centre said that 47 practitioners were released on January 7, 2016.');
    const { code, stderr } = await runCli(['extract', input, '--out', await temporaryDirectory()]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/quarry: 1 ok, 0 failed, 0 skipped; documents 1, passages 1, mentions \d+, entities \d+, dates 1, figures 1, claims \d+/);
    expect(stderr).toMatch(/\d+ words in \d+\.\d\d s \(\d+ words\/s, \d+\.\d\d s of CPU\)/);
  });
});
