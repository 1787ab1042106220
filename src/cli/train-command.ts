import cliProgress from 'cli-progress';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../entities/gazetteer.ts';
import { Vocabulary } from '../entities/model/features.ts';
import { readTrainingSet, trainEntityModel, type DevSet, type TrainingDocument } from '../entities/model/train.ts';
import { readWorldLexicon } from '../entities/model/world-lexicon.ts';
import { ExitCode, UsageError } from './errors.ts';

export interface TrainOptionsFromCli {
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

/** `quarry train`: reads the training and dev sets, trains the entity model and writes it. */
export async function train(options: TrainOptionsFromCli): Promise<number> {
  if (options.devCorpus.length !== options.devGold.length)
    throw new UsageError(`--dev-corpus and --dev-gold go in pairs: ${options.devCorpus.length} --dev-corpus and ${options.devGold.length} --dev-gold given`);
  if (options.corpus.length === 0) throw new UsageError('--corpus and --gold are required: the training texts and their gold files');
  if (options.corpus.length !== options.gold.length)
    throw new UsageError(`--corpus and --gold go in pairs: ${options.corpus.length} --corpus and ${options.gold.length} --gold given`);
  const showProgress = options.progress !== false && process.stderr.isTTY === true;
  const vocabulary = new Vocabulary(loadGazetteer(options.lexicon), readWorldLexicon());
  const read = async (corpus: string, gold: string, what: string, copies: boolean): Promise<TrainingDocument[]> => {
    const bar = showProgress
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: `quarry train: reading ${what} {bar} {value}/{total} documents | {eta_formatted}`, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(0, 0);
    try {
      return await readTrainingSet(corpus, gold, vocabulary, { titleCaseCopies: copies, seed: options.seed }, (done, total) => {
        bar?.setTotal(total);
        bar?.update(done);
      });
    } finally {
      bar?.stop();
    }
  };
  const started = performance.now();
  const training: TrainingDocument[] = [];
  for (const [index, corpus] of options.corpus.entries())
    training.push(
      ...(await read(corpus, options.gold[index] as string, `training set ${index + 1} of ${options.corpus.length}`, options.titleCaseCopies !== false)),
    );
  const devSets: DevSet[] = [];
  for (const [index, corpus] of options.devCorpus.entries())
    devSets.push({
      name: path.basename(path.resolve(options.devGold[index] as string)),
      documents: await read(corpus, options.devGold[index] as string, `dev set ${index + 1} of ${options.devCorpus.length}`, false),
    });
  const tokens = training.reduce((sum, document) => sum + document.sentences.reduce((count, sentence) => count + sentence.tokens.length, 0), 0);
  process.stderr.write(
    `quarry train: ${training.length} training documents (${tokens} tokens)${devSets.map((set) => `, ${set.documents.length} dev documents in ${set.name}`).join('')}\n`,
  );
  const percent = (value: number): string => (100 * value).toFixed(1);
  const card = {
    training: {
      sets: options.corpus.map((corpus, index) => ({
        corpus: path.basename(path.resolve(corpus)),
        gold: path.basename(path.resolve(options.gold[index] as string)),
      })),
      documents: training.length,
      tokens,
    },
    dev: devSets.map((set) => ({ gold: set.name, documents: set.documents.length })),
    options: {
      epochs: options.epochs,
      seed: options.seed,
      minFeatureCount: options.minFeatureCount,
      titleCaseCopies: options.titleCaseCopies !== false,
      lexicons: options.lexicon.map((file) => path.basename(file)),
    },
  };
  const result = trainEntityModel(
    training,
    devSets,
    vocabulary.lexicon,
    { epochs: options.epochs, seed: options.seed, minFeatureCount: options.minFeatureCount },
    card,
    (report) => {
      const scores = report.dev
        .map(
          ({ name, scores: set }) =>
            `; ${name} strict F1 ${percent(set.f1)} (${Object.entries(set.byType)
              .map(([type, score]) => `${type} ${percent(score.f1)}`)
              .join(', ')})`,
        )
        .join('');
      process.stderr.write(`quarry train: epoch ${report.epoch}/${options.epochs}: ${percent(report.trainingErrorRate)}% of training tokens wrong${scores}\n`);
    },
  );
  await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
  await writeFile(options.out, result.bytes);
  process.stderr.write(
    `quarry train: kept epoch ${result.best.epoch}${result.best.devF1 === null ? '' : ` (mean dev strict F1 ${percent(result.best.devF1)})`}; wrote ${options.out} (${(result.bytes.length / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return ExitCode.ok;
}
