import cliProgress from 'cli-progress';
import { stat } from 'node:fs/promises';
import { loadConfig, type PipelineConfig, type ResolvedConfig } from '../config.ts';
import { mergeShards, runPipeline, type RunResult } from '../pipeline.ts';
import type { Shard } from '../run/shard.ts';
import { TABLE_NAMES } from '../schemas/index.ts';
import { ExitCode, UsageError } from './errors.ts';

/** How a command reports its run: a human summary on stderr, JSON on stdout, or only what went wrong. */
export interface SummaryOptions {
  json?: boolean;
  quiet?: boolean;
}

export interface ExtractOptions extends SummaryOptions {
  out?: string;
  config?: string;
  progress?: boolean;
  workers?: number;
  fresh?: boolean;
  shard?: Shard;
}

function summaryLines(result: RunResult, output: string): string[] {
  const seconds = result.milliseconds / 1000;
  const { ok, failed, skipped } = result.documents;
  const rows = TABLE_NAMES.map((table) => `${table} ${result.counts[table]}`).join(', ');
  const speed = seconds > 0 ? Math.round(result.words / seconds) : result.words;
  const cpu = (result.cpuMilliseconds / 1000).toFixed(2);
  const lines = [
    `quarry: ${ok} ok, ${failed} failed, ${skipped} skipped; ${rows}`,
    `quarry: ${result.words} words in ${seconds.toFixed(2)} s (${speed} words/s, ${cpu} s of CPU); `
      + `${result.extracted} extracted, ${result.cached} from the cache; tables in ${output}`,
  ];
  if (result.upToDate) {
    lines.push(
      `quarry: nothing changed since the run that wrote ${output}: its tables are up to date and were left as they are `
        + '(--fresh writes them again)',
    );
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
function reportRun(result: RunResult, config: ResolvedConfig, options: SummaryOptions): number {
  if (options.json === true) process.stdout.write(`${JSON.stringify({ ...result, output: config.output })}\n`);
  const lines = options.json === true || options.quiet === true ? [] : summaryLines(result, config.output);
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

function progressBar(show: boolean): cliProgress.SingleBar | null {
  if (!show) return null;
  return new cliProgress.SingleBar(
    { stream: process.stderr, format: 'quarry {bar} {value}/{total} documents | {document}', hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
}

/** `quarry extract`: runs the pipeline over the inputs and reports the run. */
export async function extract(inputs: string[], options: ExtractOptions): Promise<number> {
  const overrides: PipelineConfig = { input: inputs.length > 0 ? inputs : undefined, output: options.out, workers: options.workers };
  if (options.progress === false || options.quiet === true) overrides.progress = 'never';
  const config = await loadConfig(options.config, overrides);
  await checkOutputFolder(config.output);
  const bar = progressBar(config.progress === 'always' || (config.progress === 'auto' && process.stderr.isTTY === true));
  bar?.start(0, 0, { document: '' });
  try {
    const result = await runPipeline(config, {
      fresh: options.fresh === true,
      shard: options.shard ?? null,
      // The total grows as inputs are read: documents are streamed, not counted first.
      onProgress: ({ done, loaded, document }) => {
        bar?.setTotal(loaded);
        bar?.update(done, { document });
      },
    });
    bar?.stop();
    return reportRun(result, config, options);
  } finally {
    bar?.stop();
  }
}

/** `quarry merge`: merges the outputs of shard runs into one set of tables. */
export async function merge(shards: string[], options: { out: string; config?: string } & SummaryOptions): Promise<number> {
  const config = await loadConfig(options.config, { output: options.out });
  await checkOutputFolder(config.output);
  return reportRun(await mergeShards(shards, config), config, options);
}
