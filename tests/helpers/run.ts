import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
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

/** Every file of a folder and its subfolders, by relative path (sorted), with its content. */
export async function filesOf(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
  return Object.fromEntries(await Promise.all(files.sort().map(async (file) => [file, await readFile(path.join(folder, file), 'utf8')] as const)));
}

/** One sentence with something for every table: a person, an organization, a figure, a date and a claim. */
export const SENTENCE = 'Ms. Li Dayong of the Global Service Centre said that 47 practitioners were released on January 7, 2016.';

/** A fresh input folder holding one short document, one.txt (SENTENCE). */
export async function oneDocument(): Promise<string> {
  const input = await temporaryDirectory();
  await writeFile(path.join(input, 'one.txt'), SENTENCE);
  return input;
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

/**
 * Runs `quarry ...args` in this process through the CLI's `main`, with what
 * it writes to stdout and stderr captured: no child process, so no start-up
 * cost. Use runCli where the process itself matters (signals, exit).
 */
export async function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli.ts');
  let stdout = '';
  let stderr = '';
  const capture = (stream: NodeJS.WriteStream, append: (text: string) => void): (() => void) => {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array) => {
      append(String(chunk));
      return true;
    }) as typeof stream.write;
    return () => {
      stream.write = write;
    };
  };
  const restoreOut = capture(process.stdout, (text) => (stdout += text));
  const restoreError = capture(process.stderr, (text) => (stderr += text));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    restoreOut();
    restoreError();
  }
}
