import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { createRequire } from 'node:module';
import { ExitCode, userErrorLine } from './cli/errors.ts';
import type { ExtractOptions, SummaryOptions } from './cli/extract-command.ts';
import type { TrainOptionsFromCli } from './cli/train-command.ts';
import { parseShard, type Shard } from './run/shard.ts';

// The commands' modules (the pipeline, compromise, the model) are imported when a command runs, so that
// `quarry --help` and `--version` start fast.

export { ExitCode } from './cli/errors.ts';

/** quarry's version, from its package.json. */
const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

const parseWorkers = (text: string): number | 'auto' => {
  if (text === 'auto') return 'auto';
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError('expected auto or a whole number of workers (0 runs everything in the main thread)');
  }
  return value;
};

const parseShardOption = (text: string): Shard => {
  const shard = parseShard(text);
  if (shard === null) throw new InvalidArgumentError('expected I/N with 1 <= I <= N, e.g. 2/8');
  return shard;
};

const parsePositive =
  (what: string) =>
  (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`expected a whole number of ${what}, 1 or more`);
    return value;
  };

/** Collects a repeated option's values. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The hint after a usage error: where the whole usage of the command is. */
const usageHint = (command: Command): string => {
  const name = command.parent === null ? 'quarry' : `quarry ${command.name()}`;
  return `(see ${name} --help)`;
};

/** Builds the command-line program; the action of the command run passes its exit code to `setExitCode`. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('quarry')
    .description('Extract people, places, organisations, dates, figures and claims from documents into JSONL and CSV tables.')
    .version(VERSION, '-V, --version', 'print the version of quarry')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'quarry: ')) });
  program
    .command('extract')
    .description('Run the pipeline over input folders or files and write the tables.')
    .argument('[inputs...]', 'input folders (searched recursively) or files; - reads JSONL documents from stdin; default from the config (data/raw)')
    .option('-o, --out <dir>', 'output folder (default from the config: data/out)')
    .option('-c, --config <file>', 'config file (default: pipeline.config.ts when present)')
    .option('--no-progress', 'never show the progress bar')
    .option('--json', 'print the run summary as JSON on stdout (instead of the summary on stderr)')
    .option('-q, --quiet', 'print nothing but run warnings and failed documents (no progress bar, no summary)')
    .option(
      '-w, --workers <n>',
      'worker threads for extraction: auto (the default) uses the main thread for a small corpus and one thread per ' +
        'core for a larger one; 0 runs in the main thread',
      parseWorkers,
    )
    .option('--fresh', 'ignore cached results and extract every document again')
    .option(
      '--shard <i/n>',
      'process only shard I of N (a stable share of the inputs by document id); merge the shard outputs with quarry merge',
      parseShardOption,
    )
    .addHelpText(
      'after',
      '\nUnchanged documents are taken from the cache (<out>/.cache) unless --fresh is given.\n' +
        'Exit codes: 0 every document ok, 1 some documents failed (the rest are written), 2 usage or config error, ' +
        'a path that cannot be used (missing, a file where a folder is needed, no permission), another run is writing ' +
        'to the output folder, or the worker code cannot be bundled (a broken install); 130 interrupted (Ctrl-C).',
    )
    .action(async (inputs: string[], options: ExtractOptions) => {
      const { extract } = await import('./cli/extract-command.ts');
      setExitCode(await extract(inputs, options));
    });
  program
    .command('merge')
    .description('Merge the output folders of shard runs (quarry extract --shard I/N) into one set of tables, identical to a single run.')
    .argument('<shards...>', 'output folders of the shard runs (their caches must still be in place)')
    .requiredOption('-o, --out <dir>', 'output folder of the merged tables')
    .option('-c, --config <file>', 'config file (default: pipeline.config.ts when present); only its output options matter here')
    .option('--json', 'print the run summary as JSON on stdout (instead of the summary on stderr)')
    .option('-q, --quiet', 'print nothing but run warnings and failed documents')
    .addHelpText('after', '\nEntities are linked again across all shards. Exit codes: 0 every document ok, 1 some documents failed, 2 usage error.')
    .action(async (shards: string[], options: { out: string; config?: string } & SummaryOptions) => {
      const { merge } = await import('./cli/extract-command.ts');
      setExitCode(await merge(shards, options));
    });
  program
    .command('eval')
    .description('Score an output folder against gold annotations (precision, recall, F1; value, item and speaker accuracy).')
    .argument('<predictions>', 'output folder of a run (with mentions, dates, figures and claims .jsonl)')
    .requiredOption('-g, --gold <dir>', 'folder of gold annotation files (<doc_id>.json)')
    .option('--json', 'print the full report as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 scored, 2 usage error, or a predictions or gold folder that cannot be scored (missing, no gold files, ' +
        'a file that is not JSON or not in the gold format, a doc_id used twice; the file is named).',
    )
    .action(async (predictions: string, options: { gold: string; json?: boolean }) => {
      const { evaluate } = await import('./cli/eval-command.ts');
      setExitCode(await evaluate(predictions, options));
    });
  program
    .command('train')
    .description('Train an entity model from gold annotations (shared/eval/FORMAT.md) and write it to a file; ' + 'point extractEntities.model at it.')
    .option(
      '--corpus <dir>',
      '(required) folder of training texts, read as quarry extract reads its inputs; ' + 'repeat --corpus and --gold in pairs to train on several sets',
      collect,
      [],
    )
    .option('--gold <dir>', '(required) folder of the gold files (<doc_id>.json) of the --corpus before it; misc items are learnt, not output', collect, [])
    .option(
      '--dev-corpus <dir>',
      'folder of dev texts, scored after every epoch; repeat --dev-corpus and --dev-gold in pairs for several dev sets',
      collect,
      [],
    )
    .option('--dev-gold <dir>', 'folder of the gold files of the --dev-corpus before it', collect, [])
    .requiredOption('-o, --out <file>', 'the model file to write')
    .option('--epochs <n>', 'passes over the training set; the epoch with the best mean F1 over the dev sets is kept', parsePositive('epochs'), 12)
    .option('--seed <n>', 'seed of the shuffle before every epoch (the same data and seed give the same bytes)', parsePositive('seeds'), 1)
    .option('--min-feature-count <n>', 'leave out features seen fewer times in the training set', parsePositive('occurrences'), 2)
    .option('--lexicon <file...>', 'lexicons whose entries the model sees as gazetteer features (as extractEntities.lexicons)', [])
    .option(
      '--no-title-case-copies',
      'train on the documents only, without a copy of each whose first line and a tenth of the others are written in Title Case',
    )
    .option('--no-progress', 'never show the progress bar')
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 2 usage error or unusable training data (gold that does not slice back to its text, ' + 'a gold file without its text).',
    )
    .action(async (options: TrainOptionsFromCli) => {
      const { train } = await import('./cli/train-command.ts');
      setExitCode(await train(options));
    });
  program
    .command('report')
    .description('Rebuild the review report (OUT_DIR/report/index.html and one page per document) from the tables of an earlier run.')
    .argument('<OUT_DIR>', 'output folder of a run (with documents, passages, mentions, entities, dates, figures and claims .jsonl)')
    .addHelpText('after', '\nThe rows are checked against their schemas first. Exit codes: 0 written, 2 the folder lacks tables or a row is invalid.')
    .action(async (outputDirectory: string) => {
      const { rebuildReport } = await import('./cli/report-command.ts');
      setExitCode(await rebuildReport(outputDirectory));
    });
  program
    .command('schemas')
    .description('Write the JSON Schema of every output table (<table>.schema.json, as a run writes them) into a folder.')
    .option('-o, --out <dir>', 'the folder to write them to', 'schema')
    .action(async (options: { out: string }) => {
      const { writeSchemas } = await import('./cli/schemas-command.ts');
      setExitCode(await writeSchemas(options.out));
    });
  // A usage error prints one line and where to find the whole usage, not the whole help.
  for (const command of [program, ...program.commands]) command.showHelpAfterError(usageHint(command));
  return program;
}

/**
 * Runs the CLI and returns its exit code. A usage error, or an error the user can fix (a path, a permission, the
 * config, the gold folder), prints one line and gives 2; any other error is a bug and is thrown with its stack.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  let running: Command | null = null;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  program.hook('preAction', (_program, command) => {
    running = command;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // commander has printed its own usage error (and --help and --version end here with exit code 0).
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    const line = userErrorLine(error);
    if (line === null) throw error;
    const hint = (error as Error).name === 'UsageError' && running !== null ? `\n${usageHint(running)}` : '';
    process.stderr.write(`quarry: ${line}${hint}\n`);
    return ExitCode.usage;
  }
}
