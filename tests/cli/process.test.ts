import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/output/lock.ts';
import { ROOT, SENTENCE, temporaryDirectory } from '../helpers/run.ts';

// The quarry binary in a child process, for what only a process shows: it starts, its exit code reaches the shell,
// and it ends cleanly on a closed pipe and on Ctrl-C. Everything else the CLI does is tested in this process through
// main (tests/cli.test.ts, tests/cli/extract.test.ts).

/** Spawns the quarry binary; resolves with its exit code and stderr once it ends. */
function spawnQuarry(args: string[], onStart: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'quarry.mjs'), ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  onStart(child);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('the quarry process', () => {
  it('passes the exit code of a usage error to the shell: 2', async () => {
    const { code, stderr } = await spawnQuarry(['extrct'], () => {});
    expect({ code, stderr }).toEqual({ code: 2, stderr: "quarry: unknown command 'extrct'\n(Did you mean extract?)\n(see quarry --help)\n" });
  });

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
    const rows = (await readFile(path.join(output, 'documents.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
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
