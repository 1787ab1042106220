import { Command, CommanderError, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type PipelineConfig } from './config.ts';
import { formatReport, loadGold, loadPredictions, scoreDataset } from './eval/index.ts';
import { runPipeline, type RunResult } from './pipeline.ts';
import { readTables, ReportInputError, writeReport } from './report/index.ts';
import { TABLE_NAMES } from './schemas/index.ts';
import { InputError } from './stages/load.ts';

/** Exit codes: 0 all documents ok, 1 some failed, 2 usage or configuration error. */
export const ExitCode = { ok: 0, documentsFailed: 1, usage: 2 } as const;

function summary(result: RunResult, output: string): string {
  const seconds = result.milliseconds / 1000;
  const { ok, failed, skipped } = result.documents;
  const rows = TABLE_NAMES.map((table) => `${table} ${result.tables[table].length}`).join(', ');
  const speed = seconds > 0 ? Math.round(result.words / seconds) : result.words;
  const lines = [`quarry: ${ok} ok, ${failed} failed, ${skipped} skipped; ${rows}`, `quarry: ${result.words} words in ${seconds.toFixed(2)} s (${speed} words/s); tables in ${output}`];
  for (const document of result.tables.documents) if (document.status !== 'ok') lines.push(`  ${document.status} ${document.source}: ${document.error}`);
  return lines.join('\n');
}

async function extract(inputs: string[], options: { out?: string; config?: string; progress?: boolean }): Promise<number> {
  const overrides: PipelineConfig = { input: inputs.length > 0 ? inputs : undefined, output: options.out };
  if (options.progress === false) overrides.progress = 'never';
  const config = await loadConfig(options.config, overrides);
  const showProgress = config.progress === 'always' || (config.progress === 'auto' && process.stderr.isTTY === true);
  const bar = showProgress ? new cliProgress.SingleBar({ stream: process.stderr, format: 'quarry {bar} {value}/{total} documents | {document}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  try {
    const result = await runPipeline(config, {
      onStart: (total) => bar?.start(total, 0, { document: '' }),
      onProgress: ({ done, document }) => bar?.update(done, { document }),
    });
    bar?.stop();
    process.stderr.write(`${summary(result, config.output)}\n`);
    return result.documents.failed > 0 ? ExitCode.documentsFailed : ExitCode.ok;
  } finally {
    bar?.stop();
  }
}

async function evaluate(predictions: string, options: { gold: string; json?: boolean }): Promise<number> {
  const report = scoreDataset(await loadPredictions(predictions), await loadGold(options.gold));
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return ExitCode.ok;
}

async function rebuildReport(outputDirectory: string): Promise<number> {
  const index = await writeReport(await readTables(outputDirectory), outputDirectory);
  process.stderr.write(`quarry: report in ${index}\n`);
  return ExitCode.ok;
}

/** Builds the command-line program; `run` parses argv and returns the exit code. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('quarry')
    .description('Extract people, places, organisations, dates, figures and claims from documents into JSONL and CSV tables.')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('extract')
    .description('Run the pipeline over input folders or files and write the tables.')
    .argument('[inputs...]', 'input folders (searched recursively) or files; default from the config (data/raw)')
    .option('-o, --out <dir>', 'output folder (default from the config: data/out)')
    .option('-c, --config <file>', 'config file (default: pipeline.config.ts when present)')
    .option('--no-progress', 'never show the progress bar')
    .addHelpText('after', '\nExit codes: 0 every document ok, 1 some documents failed (the rest are written), 2 usage or config error.')
    .action(async (inputs: string[], options: { out?: string; config?: string; progress?: boolean }) => setExitCode(await extract(inputs, options)));
  program
    .command('eval')
    .description('Score an output folder against gold annotations (precision, recall, F1; value, item and speaker accuracy).')
    .argument('<predictions>', 'output folder of a run (with mentions, dates, figures and claims .jsonl)')
    .requiredOption('-g, --gold <dir>', 'folder of gold annotation files (<doc_id>.json)')
    .option('--json', 'print the full report as JSON')
    .action(async (predictions: string, options: { gold: string; json?: boolean }) => setExitCode(await evaluate(predictions, options)));
  program
    .command('report')
    .description('Rebuild the review report (OUT_DIR/report/index.html and one page per document) from the tables of an earlier run.')
    .argument('<OUT_DIR>', 'output folder of a run (with documents, passages, mentions, entities, dates, figures and claims .jsonl)')
    .addHelpText('after', '\nThe rows are checked against their schemas first. Exit codes: 0 written, 2 the folder lacks tables or a row is invalid.')
    .action(async (outputDirectory: string) => setExitCode(await rebuildReport(outputDirectory)));
  return program;
}

/** Runs the CLI and returns its exit code; usage and config errors print a clear message and give 2. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (error instanceof ConfigError || error instanceof InputError || error instanceof ReportInputError || error instanceof InvalidArgumentError) {
      process.stderr.write(`quarry: ${error.message}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}
