import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type PipelineConfig, type ResolvedConfig } from '../config.ts';
import { runPipeline, type RunResult } from '../pipeline.ts';
import { mergeShards } from '../run/merge-shards.ts';
import type { Shard } from '../run/shard.ts';
import { TABLE_NAMES } from '../schemas/index.ts';
import { ExitCode, UsageError } from './errors.ts';
import { progressDisplay, progressMode } from './progress.ts';
import { stdinAsFile, STDIN_INPUT } from './stdin-input.ts';

/** How a command reports its run: a human summary on stderr, JSON on stdout, or only what went wrong. */
export interface SummaryOptions {
  json?: boolean;
  quiet?: boolean;
}

export interface ExtractOptions extends SummaryOptions {
  out?: string;
  config?: string;
  progress?: boolean;
  workers?: number | 'auto';
  fresh?: boolean;
  shard?: Shard;
}

/** Where a run's output is: the folder, its size, and the report's front page (null when the report is off). */
interface OutputFacts {
  output: string;
  outputBytes: number;
  report: string | null;
}

/** Bytes of the files in a folder and its subfolders, hidden ones (the cache, the lock) left out. */
async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const hidden = (file: string): boolean =>
    path
      .relative(folder, file)
      .split(path.sep)
      .some((part) => part.startsWith('.'));
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !hidden(file));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** "12.3 MB", "850 kB", "312 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} bytes`;
}

async function outputFacts(config: ResolvedConfig): Promise<OutputFacts> {
  const report = path.join(config.output, 'report', 'index.html');
  const reportWritten = config.report && (await stat(report).catch(() => null)) !== null;
  return { output: config.output, outputBytes: await folderBytes(config.output), report: reportWritten ? report : null };
}

/** Where the documents were extracted, when any was. */
function threadsUsed(result: RunResult): string {
  if (result.extracted === 0) return '';
  if (result.workerThreads === 0) return ' in the main thread';
  return ` on ${result.workerThreads} worker thread${result.workerThreads === 1 ? '' : 's'}`;
}

function summaryLines(result: RunResult, facts: OutputFacts): string[] {
  const { output } = facts;
  const seconds = result.milliseconds / 1000;
  const { ok, failed, skipped } = result.documents;
  const rows = TABLE_NAMES.map((table) => `${table} ${result.counts[table]}`).join(', ');
  const speed = seconds > 0 ? Math.round(result.words / seconds) : result.words;
  const cpu = (result.cpuMilliseconds / 1000).toFixed(2);
  const lines = [
    `quarry: ${ok} ok, ${failed} failed, ${skipped} skipped; ${rows}`,
    `quarry: ${result.words} words in ${seconds.toFixed(2)} s (${speed} words/s, ${cpu} s of CPU); ` +
      `${result.extracted} extracted${threadsUsed(result)}, ${result.cached} from the cache`,
    `quarry: tables in ${output} (${formatBytes(facts.outputBytes)})${facts.report === null ? '' : `; report: ${facts.report}`}`,
  ];
  for (const folder of result.leftOut) {
    lines.push(`quarry: left out ${folder}: it holds the output of a quarry run (manifest.json), not inputs`);
  }
  if (result.upToDate) {
    lines.push(`quarry: nothing changed since the run that wrote ${output}: its tables are up to date and were left as they are (--fresh writes them again)`);
  }
  return lines;
}

/** Run warnings and the documents that failed or were skipped, one line each. */
function problemLines(result: RunResult, onlyFailed: boolean): string[] {
  const problems = onlyFailed ? result.problems.filter((problem) => problem.status === 'failed') : result.problems;
  return [
    ...result.warnings.map((warning) => `quarry: warning: ${warning}`),
    ...problems.map((problem) => `  ${problem.status} ${problem.source}: ${problem.error}`),
  ];
}

/**
 * Reports a finished run: `--json` prints the summary as JSON on stdout, `--quiet` prints only run warnings and
 * failed documents, otherwise a human summary goes to stderr.
 */
async function reportRun(result: RunResult, config: ResolvedConfig, options: SummaryOptions): Promise<number> {
  const facts = await outputFacts(config);
  if (options.json === true) process.stdout.write(`${JSON.stringify({ ...result, ...facts })}\n`);
  const lines = options.json === true || options.quiet === true ? [] : summaryLines(result, facts);
  lines.push(...problemLines(result, options.quiet === true));
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  return result.documents.failed > 0 ? ExitCode.documentsFailed : ExitCode.ok;
}

/** `--out` must name a folder (made when missing), not a file. */
async function checkOutputFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (info !== null && !info.isDirectory()) {
    throw new UsageError(`the output folder ${folder} is a file, not a folder; name a folder with --out (it is created when missing)`);
  }
}

/** `quarry extract`: runs the pipeline over the inputs (`-`: JSONL documents on standard input) and reports the run. */
export async function extract(inputs: string[], options: ExtractOptions): Promise<number> {
  if (!inputs.includes(STDIN_INPUT)) return extractInputs(inputs, options);
  const stdin = await stdinAsFile(process.stdin);
  try {
    return await extractInputs(
      inputs.map((input) => (input === STDIN_INPUT ? stdin.file : input)),
      options,
    );
  } finally {
    await stdin.remove();
  }
}

async function extractInputs(inputs: string[], options: ExtractOptions): Promise<number> {
  const overrides: PipelineConfig = {
    input: inputs.length > 0 ? inputs : undefined,
    output: options.out,
    workers: options.workers,
  };
  if (options.progress === false || options.quiet === true) overrides.progress = 'never';
  const config = await loadConfig(options.config, overrides);
  await checkOutputFolder(config.output);
  const progress = progressDisplay(progressMode(config.progress, process.stderr.isTTY === true));
  try {
    const result = await runPipeline(config, {
      fresh: options.fresh === true,
      shard: options.shard ?? null,
      onProgress: (event) => progress.update(event),
    });
    progress.stop();
    return await reportRun(result, config, options);
  } finally {
    progress.stop();
  }
}

/** `quarry merge`: merges the outputs of shard runs into one set of tables. */
export async function merge(shards: string[], options: { out: string; config?: string } & SummaryOptions): Promise<number> {
  const config = await loadConfig(options.config, { output: options.out });
  await checkOutputFolder(config.output);
  const setting = options.quiet === true ? 'never' : config.progress;
  const progress = progressDisplay(progressMode(setting, process.stderr.isTTY === true));
  try {
    const result = await mergeShards(shards, config, (event) => progress.update(event));
    progress.stop();
    return await reportRun(result, config, options);
  } finally {
    progress.stop();
  }
}
