import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveConfig, type PipelineConfig } from '../../src/config.ts';
import { runPipeline, type RunResult } from '../../src/pipeline.ts';

const execFileAsync = promisify(execFile);

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The contract checker shipped beside the repository (../shared), when present. */
export const CHECKER = path.resolve(ROOT, '..', 'shared', 'tools', 'check-dataset.mjs');

export async function temporaryDirectory(prefix = 'quarry-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Runs the pipeline in-process with progress off; the output goes to a fresh temporary folder unless given. */
export async function runOn(input: string[], overrides: PipelineConfig = {}): Promise<RunResult & { output: string }> {
  const output = overrides.output ?? (await temporaryDirectory());
  const result = await runPipeline(resolveConfig({ progress: 'never', ...overrides, input, output }));
  return { ...result, output };
}

/** Reads a JSONL table of an output folder. */
export async function readTable<Row = Record<string, unknown>>(output: string, table: string): Promise<Row[]> {
  const text = await readFile(path.join(output, `${table}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);
}

/** Runs the quarry CLI in a child process; never rejects, returns the exit code and output. */
export async function runCli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [path.join(ROOT, 'bin', 'quarry.mjs'), ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}
