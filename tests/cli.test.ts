import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { userErrorLine } from '../src/cli/errors.ts';
import { buildProgram } from '../src/cli.ts';
import { LOCK_FILE } from '../src/output/lock.ts';
import { tableJsonSchema } from '../src/output/table-writer.ts';
import { TABLE_NAMES } from '../src/schemas/index.ts';
import { ROOT, runMain, temporaryDirectory } from './helpers/run.ts';

const SENTENCE = 'Ms. Li Dayong of the Global Service Centre said that 47 practitioners were released on January 7, 2016.';

/** A fresh input folder holding one short document. */
async function oneDocument(): Promise<string> {
  const input = await temporaryDirectory();
  await writeFile(path.join(input, 'one.txt'), SENTENCE);
  return input;
}

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
    [['extract', '--workers', 'many'], "quarry: option '-w, --workers <n>' argument 'many' is invalid. expected auto or a whole number of workers (0 runs everything in the main thread)\n(see quarry extract --help)\n"],
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

  it('reads the inputs a config file names from its own folder, not the working folder', async () => {
    const folder = await temporaryDirectory();
    await mkdir(path.join(folder, 'corpus'));
    await writeFile(path.join(folder, 'corpus', 'one.txt'), SENTENCE);
    await writeFile(path.join(folder, 'run.config.ts'), "export default { input: ['corpus'], output: 'out', report: false };\n");
    const { code } = await runMain(['extract', '--config', path.join(folder, 'run.config.ts'), '--quiet']);
    expect(code).toBe(0);
    expect((await readFile(path.join(folder, 'out', 'documents.csv'), 'utf8')).split('\r\n')[1]).toMatch(/^one,one\.txt,,txt,/);
  });

  it('exits 2 with one line when --out is a file', async () => {
    const file = path.join(await temporaryDirectory(), 'taken.txt');
    await writeFile(file, 'not a folder');
    const { code, stderr } = await runMain(['extract', await oneDocument(), '--out', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `quarry: the output folder ${file} is a file, not a folder; name a folder with --out (it is created when missing)\n`
        + '(see quarry extract --help)\n',
    );
  });

  it('exits 2 with one line when --out lies under a file', async () => {
    const file = path.join(await temporaryDirectory(), 'taken.txt');
    await writeFile(file, 'not a folder');
    const { code, stderr } = await runMain(['extract', await oneDocument(), '--out', path.join(file, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`quarry: not a directory: ${path.join(file, 'out')} (mkdir)\n`);
  });

  it('prints a summary with rows per table and words per second; by default a small corpus is extracted in the main thread', async () => {
    const { code, stdout, stderr } = await runMain(['extract', await oneDocument(), '--out', await temporaryDirectory(), '--no-progress']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('; 1 extracted in the main thread, 0 from the cache');
    expect(stderr).toMatch(/quarry: 1 ok, 0 failed, 0 skipped; documents 1, passages 1, mentions \d+, entities \d+, dates 1, figures 1, claims \d+/);
    expect(stderr).toMatch(/\d+ words in \d+\.\d\d s \(\d+ words\/s, \d+\.\d\d s of CPU\)/);
  });

  describe('--json and --quiet', () => {
    let input: string;
    beforeAll(async () => {
      input = await oneDocument();
      await writeFile(path.join(input, 'notes.rtf'), 'not read');
    });

    it('--json prints the run summary as JSON on stdout and no summary on stderr', async () => {
      const output = await temporaryDirectory();
      const { code, stdout, stderr } = await runMain(['extract', input, '--out', output, '--json', '--no-progress']);
      expect(code).toBe(0);
      const summary = JSON.parse(stdout) as Record<string, unknown>;
      expect(summary).toMatchObject({ documents: { ok: 1, failed: 0, skipped: 1 }, output, extracted: 2, cached: 0, upToDate: false });
      expect(summary.counts).toMatchObject({ documents: 2, passages: 1, dates: 1, figures: 1 });
      expect(summary.problems).toEqual([{ source: 'notes.rtf', status: 'skipped', error: expect.stringMatching(/^LOAD_UNSUPPORTED: /) }]);
      // The skipped file is in the JSON; stderr lists it as the human summary would.
      expect(stderr).toMatch(/^ {2}skipped notes\.rtf: LOAD_UNSUPPORTED: .+\n$/);
    });

    it('--quiet prints nothing when no document failed', async () => {
      expect(await runMain(['extract', input, '--out', await temporaryDirectory(), '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('--quiet still names a failed document, and the exit code is 1', async () => {
      const failing = await temporaryDirectory();
      await writeFile(path.join(failing, 'feed.jsonl'), '{"id": "a", "text": "Fine."}\nnot json\n');
      const { code, stdout, stderr } = await runMain(['extract', failing, '--out', await temporaryDirectory(), '--quiet']);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^ {2}failed feed\.jsonl:2: LOAD_BAD_JSONL_LINE: .+\n$/);
    });
  });

  it('leaves out an old output under an input folder and names it; the summary names the report and the output size', async () => {
    const input = await oneDocument();
    const oldOutput = path.join(input, 'old-out');
    expect((await runMain(['extract', input, '--out', oldOutput, '--quiet'])).code).toBe(0);
    const output = await temporaryDirectory();
    const { code, stderr } = await runMain(['extract', input, '--out', output, '--no-progress']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^quarry: 1 ok, 0 failed, 0 skipped; documents 1,/);
    expect(stderr).toMatch(new RegExp(`\\nquarry: tables in ${output} \\(\\d+ kB\\); report: ${path.join(output, 'report', 'index.html')}\\n`));
    expect(stderr).toContain(`\nquarry: left out ${oldOutput}: it holds the output of a quarry run (manifest.json), not inputs\n`);
    const { stdout } = await runMain(['extract', input, '--out', output, '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ leftOut: [oldOutput], upToDate: true, report: path.join(output, 'report', 'index.html') });
  });

  it('keeps the file and line of a JSONL record in documents.source and its own source in documents.origin', async () => {
    const input = await temporaryDirectory();
    await writeFile(path.join(input, 'feed.jsonl'), `${JSON.stringify({ id: 'r1', text: SENTENCE, source: 'https://example.org/r1' })}\n`);
    await writeFile(path.join(input, 'note.md'), `---\nsource: Minghui.org\n---\n${SENTENCE}\n`);
    const output = await temporaryDirectory();
    expect((await runMain(['extract', input, '--out', output, '--quiet'])).code).toBe(0);
    const rows = (await readFile(path.join(output, 'documents.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => [row.doc_id, row.source, row.origin])).toEqual([
      ['r1', 'feed.jsonl:1', 'https://example.org/r1'],
      ['note', 'note.md', 'Minghui.org'],
    ]);
    const csv = (await readFile(path.join(output, 'documents.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toMatch(/^doc_id,source,origin,format,/);
    expect(csv[1]).toMatch(/^r1,feed\.jsonl:1,https:\/\/example\.org\/r1,jsonl,/);
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

/** Spawns the quarry binary; resolves with its exit code and stderr once it ends. */
function spawnQuarry(args: string[], onStart: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'quarry.mjs'), ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  onStart(child);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('the quarry process', () => {
  it('ends quietly with 0 when the reader of its output goes away (quarry help extract | head -3)', async () => {
    // The read end is closed before quarry writes: its write fails with EPIPE.
    const { code, stderr } = await spawnQuarry(['help', 'extract'], (child) => child.stdout?.destroy());
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('reads JSONL documents from stdin for the input -', async () => {
    const output = await temporaryDirectory();
    let stdout = '';
    const records = [{ id: 'a', text: SENTENCE }, { text: 'Gao said "we will go on."' }];
    const { code, stderr } = await spawnQuarry(['extract', '-', '--out', output, '--json', '--no-progress'], (child) => {
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stdin?.end(records.map((record) => JSON.stringify(record)).join('\n'));
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toMatchObject({ documents: { ok: 2, failed: 0, skipped: 0 } });
    const rows = (await readFile(path.join(output, 'documents.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => [row.doc_id, row.source])).toEqual([
      ['a', 'stdin.jsonl:1'],
      ['stdin:2', 'stdin.jsonl:2'],
    ]);
  }, 60_000);

  it('on Ctrl-C says it was interrupted, releases the output lock and exits with 130', async () => {
    const input = await temporaryDirectory();
    for (let index = 0; index < 400; index++) await writeFile(path.join(input, `${index}.txt`), `${SENTENCE}\n\n`.repeat(20));
    const output = await temporaryDirectory();
    const { code, stderr } = await spawnQuarry(['extract', input, '--out', output, '--workers', '0', '--no-progress'], (child) => {
      void (async () => {
        // Interrupt once the run holds its output folder.
        while (!existsSync(path.join(output, LOCK_FILE))) await sleep(50);
        child.kill('SIGINT');
      })();
    });
    expect(code).toBe(130);
    expect(stderr).toBe('\nquarry: interrupted\n');
    expect(existsSync(path.join(output, LOCK_FILE))).toBe(false);
  }, 60_000);
});
