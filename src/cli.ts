import { Command, CommanderError, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type PipelineConfig } from './config.ts';
import { formatReport, GoldError, loadGold, loadPredictions, PredictionsError, scoreDataset } from './eval/index.ts';
import { loadGazetteer } from './entities/gazetteer.ts';
import { ModelFileError } from './entities/model/model-file.ts';
import { readTrainingSet, trainEntityModel, TrainingDataError, type DevSet, type TrainingDocument } from './entities/model/train.ts';
import { readWorldLexicon } from './entities/model/world-lexicon.ts';
import { InputError } from './input/discover.ts';
import { LockError, withOutputLock } from './output/lock.ts';
import { mergeShards, runPipeline, type RunResult } from './pipeline.ts';
import { parseShard, type Shard } from './run/shard.ts';
import { WorkerBundleError } from './run/worker-bundle.ts';
import { readTables, ReportInputError, writeReport } from './report/index.ts';
import { TABLE_NAMES } from './schemas/index.ts';

/** Exit codes: 0 all documents ok, 1 some failed, 2 usage or configuration error (or a broken install: the worker code cannot be bundled). */
export const ExitCode = { ok: 0, documentsFailed: 1, usage: 2 } as const;

function summary(result: RunResult, output: string): string {
  const seconds = result.milliseconds / 1000;
  const { ok, failed, skipped } = result.documents;
  const rows = TABLE_NAMES.map((table) => `${table} ${result.counts[table]}`).join(', ');
  const speed = seconds > 0 ? Math.round(result.words / seconds) : result.words;
  const lines = [
    `quarry: ${ok} ok, ${failed} failed, ${skipped} skipped; ${rows}`,
    `quarry: ${result.words} words in ${seconds.toFixed(2)} s (${speed} words/s, ${(result.cpuMilliseconds / 1000).toFixed(2)} s of CPU); ${result.extracted} extracted, ${result.cached} from the cache; tables in ${output}`,
  ];
  if (result.upToDate) lines.push(`quarry: nothing changed since the run that wrote ${output}: its tables are up to date and were left as they are (--fresh writes them again)`);
  for (const warning of result.warnings) lines.push(`quarry: warning: ${warning}`);
  for (const problem of result.problems) lines.push(`  ${problem.status} ${problem.source}: ${problem.error}`);
  return lines.join('\n');
}

interface ExtractOptions {
  out?: string;
  config?: string;
  progress?: boolean;
  workers?: number;
  fresh?: boolean;
  shard?: Shard;
}

function progressBar(show: boolean): cliProgress.SingleBar | null {
  if (!show) return null;
  return new cliProgress.SingleBar({ stream: process.stderr, format: 'quarry {bar} {value}/{total} documents | {document}', hideCursor: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic);
}

async function extract(inputs: string[], options: ExtractOptions): Promise<number> {
  const overrides: PipelineConfig = { input: inputs.length > 0 ? inputs : undefined, output: options.out, workers: options.workers };
  if (options.progress === false) overrides.progress = 'never';
  const config = await loadConfig(options.config, overrides);
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
    process.stderr.write(`${summary(result, config.output)}\n`);
    return result.documents.failed > 0 ? ExitCode.documentsFailed : ExitCode.ok;
  } finally {
    bar?.stop();
  }
}

async function merge(shards: string[], options: { out: string; config?: string }): Promise<number> {
  const config = await loadConfig(options.config, { output: options.out });
  const result = await mergeShards(shards, config);
  process.stderr.write(`${summary(result, config.output)}\n`);
  return result.documents.failed > 0 ? ExitCode.documentsFailed : ExitCode.ok;
}

const parseWorkers = (text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError('expected a whole number of workers (0 runs everything in the main thread)');
  return value;
};

const parseShardOption = (text: string): Shard => {
  const shard = parseShard(text);
  if (shard === null) throw new InvalidArgumentError('expected I/N with 1 <= I <= N, e.g. 2/8');
  return shard;
};

/** Scores an output folder; a folder that cannot be scored is a GoldError or PredictionsError, which main reports in one line with exit 2. */
async function evaluate(predictions: string, options: { gold: string; json?: boolean }): Promise<number> {
  const report = scoreDataset(await loadPredictions(predictions), await loadGold(options.gold));
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return ExitCode.ok;
}

interface TrainOptionsFromCli {
  corpus: string[];
  gold: string[];
  devCorpus: string[];
  devGold: string[];
  out: string;
  epochs: number;
  seed: number;
  minFeatureCount: number;
  lexicon: string[];
  progress?: boolean;
  titleCaseCopies?: boolean;
}

const parsePositive = (what: string) => (text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`expected a whole number of ${what}, 1 or more`);
  return value;
};

/** Collects a repeated option's values. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

async function train(options: TrainOptionsFromCli): Promise<number> {
  if (options.devCorpus.length !== options.devGold.length) throw new InvalidArgumentError(`--dev-corpus and --dev-gold go in pairs: ${options.devCorpus.length} --dev-corpus and ${options.devGold.length} --dev-gold given`);
  if (options.corpus.length === 0) throw new InvalidArgumentError('--corpus and --gold are required: the training texts and their gold files');
  if (options.corpus.length !== options.gold.length) throw new InvalidArgumentError(`--corpus and --gold go in pairs: ${options.corpus.length} --corpus and ${options.gold.length} --gold given`);
  const showProgress = options.progress !== false && process.stderr.isTTY === true;
  const knowledge = { gazetteer: loadGazetteer(options.lexicon), lexicon: readWorldLexicon() };
  const read = async (corpus: string, gold: string, what: string, copies: boolean): Promise<TrainingDocument[]> => {
    const bar = showProgress ? new cliProgress.SingleBar({ stream: process.stderr, format: `quarry train: reading ${what} {bar} {value}/{total} documents | {eta_formatted}`, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    bar?.start(0, 0);
    try {
      return await readTrainingSet(corpus, gold, knowledge, { titleCaseCopies: copies, seed: options.seed }, (done, total) => {
        bar?.setTotal(total);
        bar?.update(done);
      });
    } finally {
      bar?.stop();
    }
  };
  const started = performance.now();
  const training: TrainingDocument[] = [];
  for (const [index, corpus] of options.corpus.entries()) training.push(...(await read(corpus, options.gold[index] as string, `training set ${index + 1} of ${options.corpus.length}`, options.titleCaseCopies !== false)));
  const devSets: DevSet[] = [];
  for (const [index, corpus] of options.devCorpus.entries()) devSets.push({ name: path.basename(path.resolve(options.devGold[index] as string)), documents: await read(corpus, options.devGold[index] as string, `dev set ${index + 1} of ${options.devCorpus.length}`, false) });
  const tokens = training.reduce((sum, document) => sum + document.sentences.reduce((count, sentence) => count + sentence.tokens.length, 0), 0);
  process.stderr.write(`quarry train: ${training.length} training documents (${tokens} tokens)${devSets.map((set) => `, ${set.documents.length} dev documents in ${set.name}`).join('')}\n`);
  const percent = (value: number): string => (100 * value).toFixed(1);
  const card = {
    training: { sets: options.corpus.map((corpus, index) => ({ corpus: path.basename(path.resolve(corpus)), gold: path.basename(path.resolve(options.gold[index] as string)) })), documents: training.length, tokens },
    dev: devSets.map((set) => ({ gold: set.name, documents: set.documents.length })),
    options: { epochs: options.epochs, seed: options.seed, minFeatureCount: options.minFeatureCount, titleCaseCopies: options.titleCaseCopies !== false, lexicons: options.lexicon.map((file) => path.basename(file)) },
  };
  const result = trainEntityModel(training, devSets, knowledge.lexicon, { epochs: options.epochs, seed: options.seed, minFeatureCount: options.minFeatureCount }, card, (report) => {
    const scores = report.dev.map(({ name, scores: set }) => `; ${name} strict F1 ${percent(set.f1)} (${Object.entries(set.byType).map(([type, score]) => `${type} ${percent(score.f1)}`).join(', ')})`).join('');
    process.stderr.write(`quarry train: epoch ${report.epoch}/${options.epochs}: ${percent(report.trainingErrorRate)}% of training tokens wrong${scores}\n`);
  });
  await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
  await writeFile(options.out, result.bytes);
  process.stderr.write(`quarry train: kept epoch ${result.best.epoch}${result.best.devF1 === null ? '' : ` (mean dev strict F1 ${percent(result.best.devF1)})`}; wrote ${options.out} (${(result.bytes.length / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return ExitCode.ok;
}

async function rebuildReport(outputDirectory: string): Promise<number> {
  // The lock keeps a run from replacing the tables while the report is read from them and written beside them.
  const index = await withOutputLock(outputDirectory, async () => writeReport(await readTables(outputDirectory), outputDirectory));
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
    .option('-w, --workers <n>', 'worker threads for extraction; 0 runs in the main thread (default from the config: the number of cores)', parseWorkers)
    .option('--fresh', 'ignore cached results and extract every document again')
    .option('--shard <i/n>', 'process only shard I of N (a stable share of the inputs by document id); merge the shard outputs with quarry merge', parseShardOption)
    .addHelpText('after', '\nUnchanged documents are taken from the cache (<out>/.cache) unless --fresh is given.\nExit codes: 0 every document ok, 1 some documents failed (the rest are written), 2 usage or config error, another run is writing to the output folder, or the worker code cannot be bundled (a broken install).')
    .action(async (inputs: string[], options: ExtractOptions) => setExitCode(await extract(inputs, options)));
  program
    .command('merge')
    .description('Merge the output folders of shard runs (quarry extract --shard I/N) into one set of tables, identical to a single run.')
    .argument('<shards...>', 'output folders of the shard runs (their caches must still be in place)')
    .requiredOption('-o, --out <dir>', 'output folder of the merged tables')
    .option('-c, --config <file>', 'config file (default: pipeline.config.ts when present); only its output options matter here')
    .addHelpText('after', '\nEntities are linked again across all shards. Exit codes: 0 every document ok, 1 some documents failed, 2 usage error.')
    .action(async (shards: string[], options: { out: string; config?: string }) => setExitCode(await merge(shards, options)));
  program
    .command('eval')
    .description('Score an output folder against gold annotations (precision, recall, F1; value, item and speaker accuracy).')
    .argument('<predictions>', 'output folder of a run (with mentions, dates, figures and claims .jsonl)')
    .requiredOption('-g, --gold <dir>', 'folder of gold annotation files (<doc_id>.json)')
    .option('--json', 'print the full report as JSON')
    .addHelpText('after', '\nExit codes: 0 scored, 2 usage error, or a predictions or gold folder that cannot be scored (missing, no gold files, a file that is not JSON or not in the gold format, a doc_id used twice; the file is named).')
    .action(async (predictions: string, options: { gold: string; json?: boolean }) => setExitCode(await evaluate(predictions, options)));
  program
    .command('train')
    .description('Train an entity model from gold annotations (shared/eval/FORMAT.md) and write it to a file; point extractEntities.model at it.')
    .option('--corpus <dir>', '(required) folder of training texts, read as quarry extract reads its inputs; repeat --corpus and --gold in pairs to train on several sets', collect, [])
    .option('--gold <dir>', '(required) folder of the gold files (<doc_id>.json) of the --corpus before it; misc items are learnt, not output', collect, [])
    .option('--dev-corpus <dir>', 'folder of dev texts, scored after every epoch; repeat --dev-corpus and --dev-gold in pairs for several dev sets', collect, [])
    .option('--dev-gold <dir>', 'folder of the gold files of the --dev-corpus before it', collect, [])
    .requiredOption('-o, --out <file>', 'the model file to write')
    .option('--epochs <n>', 'passes over the training set; the epoch with the best mean F1 over the dev sets is kept', parsePositive('epochs'), 12)
    .option('--seed <n>', 'seed of the shuffle before every epoch (the same data and seed give the same bytes)', parsePositive('seeds'), 1)
    .option('--min-feature-count <n>', 'leave out features seen fewer times in the training set', parsePositive('occurrences'), 2)
    .option('--lexicon <file...>', 'lexicons whose entries the model sees as gazetteer features (as extractEntities.lexicons)', [])
    .option('--no-title-case-copies', 'train on the documents only, without a copy of each whose first line and a tenth of the others are written in Title Case')
    .option('--no-progress', 'never show the progress bar')
    .addHelpText('after', '\nExit codes: 0 written, 2 usage error or unusable training data (gold that does not slice back to its text, a gold file without its text).')
    .action(async (options: TrainOptionsFromCli) => setExitCode(await train(options)));
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
    // An InvalidArgumentError that reaches here was thrown by an action (commander reports its own and throws a plain CommanderError).
    if (error instanceof CommanderError && !(error instanceof InvalidArgumentError)) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (error instanceof ConfigError || error instanceof InputError || error instanceof ReportInputError || error instanceof InvalidArgumentError || error instanceof GoldError || error instanceof PredictionsError || error instanceof LockError || error instanceof WorkerBundleError || error instanceof TrainingDataError || error instanceof ModelFileError) {
      process.stderr.write(`quarry: ${error.message}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}
