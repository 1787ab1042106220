import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/output/lock.ts';
import { lockContent, NOT_RUNNING_PID } from '../helpers/lock-files.ts';
import { oneDocument, runMain, SENTENCE, temporaryDirectory } from '../helpers/run.ts';

// quarry extract over documents, run in this process through the CLI's main: what it prints, its exit code and what
// it writes. tests/cli/process.test.ts runs the quarry binary itself.

describe('quarry extract', () => {
  it('reads the inputs a config file names from its own folder, not the working folder', async () => {
    const folder = await temporaryDirectory();
    await mkdir(path.join(folder, 'corpus'));
    await writeFile(path.join(folder, 'corpus', 'one.txt'), SENTENCE);
    await writeFile(path.join(folder, 'run.config.ts'), "export default { input: ['corpus'], output: 'out', report: false };\n");
    const { code } = await runMain(['extract', '--config', path.join(folder, 'run.config.ts'), '--quiet']);
    expect(code).toBe(0);
    expect((await readFile(path.join(folder, 'out', 'documents.csv'), 'utf8')).split('\r\n')[1]).toMatch(/^one,one\.txt,,txt,/);
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
    const rows = (await readFile(path.join(output, 'documents.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => [row.doc_id, row.source, row.origin])).toEqual([
      ['r1', 'feed.jsonl:1', 'https://example.org/r1'],
      ['note', 'note.md', 'Minghui.org'],
    ]);
    const csv = (await readFile(path.join(output, 'documents.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toMatch(/^doc_id,source,origin,format,/);
    expect(csv[1]).toMatch(/^r1,feed\.jsonl:1,https:\/\/example\.org\/r1,jsonl,/);
  });

  it('takes over the lock of a killed run, warns, and releases it at the end', async () => {
    const output = await temporaryDirectory();
    await writeFile(path.join(output, LOCK_FILE), lockContent(NOT_RUNNING_PID));
    const { code, stderr } = await runMain(['extract', await oneDocument(), '--out', output, '--no-progress', '--workers', '0']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `quarry: warning: took over the lock ${path.join(output, LOCK_FILE)} left by process ${NOT_RUNNING_PID}, which is no longer running`,
    );
    expect(existsSync(path.join(output, LOCK_FILE))).toBe(false);
  });
});
