/**
 * Benchmark (issue 20): measures side by side, in one run, on real and
 * varied news articles, the throughput targets and where a run's time goes.
 *
 *   npm run bench -- [--input DIR] [--small N] [--large N] [--workers N] [--repeat N]
 *
 * The corpora: by default the news articles in ../shared/corpus (PolNeAr's
 * US political news, train and dev, and CoNLL-2003's Reuters articles, train
 * and dev), in a fixed order that mixes the four sets (by a hash of each
 * file's name), a text identical to an earlier one left out. The small
 * corpus (--small, default 400) is the first N of them, the large one
 * (--large, default 1600) the first N, so the small corpus is part of the
 * large one. With --input DIR, the corpora are DIR's first N files in path
 * order, or all of them copied (under distinct names, so each copy is a
 * document of its own) when DIR has fewer; the output says which.
 *
 * Measured on the small corpus, in --repeat (default 3) interleaved rounds
 * so a slow spell of the shared machine touches every measure: compromise's
 * nlp() with its people, places, organizations and numbers and chrono-node's
 * parse on the same texts, in this process (the baseline); the pipeline on
 * 1 worker, on 1 worker with the rule engine alone as the entity
 * recognizer, and on --workers (default: one per core); compromise's nlp()
 * alone in 1 and in --workers threads (the machine's own scaling); and the
 * 5 sample documents (data/raw) with the default worker setting and with
 * --workers 0. On the large corpus, interleaved the same way: the pipeline
 * on 1 and on --workers workers, and a re-run of the unchanged corpus. Then
 * 3 shards of the small corpus merged against one run. Each measure is the
 * median of its rounds, with their spread (lowest to highest).
 *
 * The profile takes the manifests of the small corpus's runs on 1 and on
 * --workers workers: the document stages (stage_ms, summed over the
 * documents, in the worker threads), and the main thread's phases
 * (phase_ms, wall-clock).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import * as chrono from 'chrono-node';
import { loadCompromise } from '../src/text/compromise.ts';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const QUARRY = path.join(ROOT, 'bin', 'quarry.mjs');
const SHARED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
/** The sets of news articles the default corpora are made of. */
const NEWS_SETS = ['polnear-train', 'polnear-dev', 'conll2003-train', 'conll2003-dev'];
const SAMPLES = path.join(ROOT, 'data', 'raw');

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    small: { type: 'string', default: '400' },
    large: { type: 'string', default: '1600' },
    workers: { type: 'string', default: String(availableParallelism()) },
    repeat: { type: 'string', default: '3' },
  },
});
const smallSize = Number(values.small);
const largeSize = Number(values.large);
const workers = Number(values.workers);
const repeat = Number(values.repeat);
if (![smallSize, largeSize, workers, repeat].every((value) => Number.isInteger(value) && value >= 1)) {
  console.error('usage: npm run bench -- [--input DIR] [--small N >= 1] [--large N >= 1] [--workers N >= 1] [--repeat N >= 1]');
  process.exit(2);
}
const cores = availableParallelism();

/** A text a corpus is made from: its file, and the name it gets in the corpus folder. */
interface SourceFile {
  file: string;
  name: string;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The shared news articles in a fixed order mixing the sets (by a hash of set and file name); a text identical to an earlier one is left out. */
async function newsArticles(): Promise<SourceFile[]> {
  const files = (
    await Promise.all(
      NEWS_SETS.map(async (set) =>
        (await readdir(path.join(SHARED_CORPUS, set))).map((name) => ({ file: path.join(SHARED_CORPUS, set, name), name: path.join(set, name) })),
      ),
    )
  )
    .flat()
    .map((source) => ({ ...source, order: sha256(source.name) }))
    .sort((a, b) => (a.order < b.order ? -1 : 1));
  const seen = new Set<string>();
  const distinct: SourceFile[] = [];
  for (const { file, name } of files) {
    const content = sha256(await readFile(file));
    if (seen.has(content)) continue;
    seen.add(content);
    distinct.push({ file, name });
  }
  return distinct;
}

/** The files of a folder and its subfolders, in path order (hidden ones left out). */
async function folderFiles(folder: string): Promise<SourceFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file, name: path.relative(folder, file) }))
    .filter((source) => !source.name.split(path.sep).some((part) => part.startsWith('.')))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A corpus folder written for the bench, with its texts and what they are. */
interface Corpus {
  folder: string;
  texts: string[];
  words: number;
  bytes: number;
  /** How the documents were made from the sources, for the output. */
  description: string;
}

/** Counts whitespace-separated words, as the pipeline does for its words per second. */
const countWords = (text: string): number => text.match(/\S+/g)?.length ?? 0;

/** Writes the first `size` sources into `folder`, or, when there are fewer, all of them as many times as it takes (copy-0001/..., copy-0002/...). */
async function buildCorpus(folder: string, sources: readonly SourceFile[], size: number): Promise<Corpus> {
  const texts: string[] = [];
  for (let index = 0; index < size; index++) {
    const source = sources[index % sources.length] as SourceFile;
    const copy = Math.floor(index / sources.length);
    const target = copy === 0 ? path.join(folder, source.name) : path.join(folder, `copy-${String(copy).padStart(4, '0')}`, source.name);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source.file, target);
    texts.push(await readFile(target, 'utf8'));
  }
  const copies = Math.ceil(size / sources.length);
  const description =
    size <= sources.length ? `${size} distinct files` : `${sources.length} distinct files, ${size} documents by copying them (up to ${copies} copies of each)`;
  return {
    folder,
    texts,
    words: texts.reduce((sum, text) => sum + countWords(text), 0),
    bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    description,
  };
}

/** The timings a run's manifest records (see ManifestFacts in src/run/manifest.ts). */
interface ManifestTimings {
  total_ms: number;
  stage_ms: Record<string, number>;
  serialize_ms: number;
  phase_ms: Record<string, number>;
  peak_rss_bytes: number;
}

interface Run {
  /** The run's time as the command reports it: from taking the output folder's lock to the last file written. */
  milliseconds: number;
  /** CPU time of the run's process over the run (every thread). */
  cpuMilliseconds: number;
  extracted: number;
  cached: number;
  /** Worker threads that extracted the documents: 0 for the main thread, null when none was extracted. */
  workerThreads: number | null;
  /** The manifest's timings. A re-run of an unchanged corpus writes no manifest: these are the run's before. */
  timings: ManifestTimings;
}

/**
 * Runs `quarry extract` in a child process. The time is the run's own, as the command reports it (node's start-up and
 * module loading are left out, as they are for the baseline).
 */
async function extract(input: string, output: string, options: string[]): Promise<Run> {
  const { stdout, stderr } = await execFileAsync(process.execPath, [QUARRY, 'extract', input, '--out', output, '--no-progress', ...options], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary =
    /\bwords in ([\d.]+) s \(\d+ words\/s, ([\d.]+) s of CPU\); (\d+) extracted( in the main thread| on (\d+) worker threads?)?, (\d+) from the cache/.exec(
      `${stdout}\n${stderr}`,
    );
  if (summary === null) throw new Error(`quarry extract printed no run summary:\n${stdout}\n${stderr}`);
  const manifest = JSON.parse(await readFile(path.join(output, 'manifest.json'), 'utf8')) as { timings: ManifestTimings };
  const [, seconds, cpuSeconds, extracted, where, threads, cached] = summary;
  return {
    milliseconds: Number(seconds) * 1000,
    cpuMilliseconds: Number(cpuSeconds) * 1000,
    extracted: Number(extracted),
    cached: Number(cached),
    workerThreads: where === undefined ? null : threads === undefined ? 0 : Number(threads),
    timings: manifest.timings,
  };
}

async function sameTables(first: string, second: string): Promise<boolean> {
  const files = (await readdir(first)).filter((file) => !file.startsWith('.') && /\.(jsonl|csv)$/.test(file));
  for (const file of files) {
    const [a, b] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
    if (!a.equals(b)) return false;
  }
  return files.length > 0;
}

/** The baseline: compromise's nlp() with its people, places, organizations and numbers, and chrono-node's parse, on each text in this process. */
function baseline(texts: readonly string[]): number {
  const nlp = loadCompromise();
  const started = performance.now();
  for (const text of texts) {
    const document = nlp(text);
    document.people().out('array');
    document.places().out('array');
    document.organizations().out('array');
    document.numbers().get();
    chrono.parse(text);
  }
  return performance.now() - started;
}

/** compromise's nlp() alone in `threads` worker threads at once, each on all the texts: the machine's own scaling. */
async function nlpInThreads(texts: readonly string[], threads: number): Promise<number> {
  // The one-file build the pipeline loads (src/text/compromise.ts).
  const compromiseBuild = createRequire(import.meta.url).resolve('compromise');
  const source = `const nlp = require(${JSON.stringify(compromiseBuild)}); const { parentPort, workerData } = require('node:worker_threads'); for (const text of workerData) nlp(text); parentPort.postMessage(0);`;
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      () => new Promise((resolve, reject) => new Worker(source, { eval: true, workerData: texts }).once('message', resolve).once('error', reject)),
    ),
  );
  return performance.now() - started;
}

/** The median of some measures, with their spread (lowest to highest). */
interface Measure {
  median: number;
  low: number;
  high: number;
}

function median(measures: readonly number[]): Measure {
  const sorted = [...measures].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const value = sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median: value, low: sorted[0] as number, high: sorted.at(-1) as number };
}

/** Prints rows as columns padded to their widest cell. */
function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows.reduce<number[]>((widest, row) => row.map((cell, column) => Math.max(cell.length, widest[column] ?? 0)), []);
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
}

const progress = (message: string): void => {
  process.stderr.write(`bench: ${message} (load average ${loadavg()[0]?.toFixed(2)})\n`);
};

const benchStarted = performance.now();
const work = await mkdtemp(path.join(tmpdir(), 'quarry-bench-'));
// The rule engine alone as the entity recognizer: the pipeline as it was before the trained model (issue 15).
const rulesConfig = path.join(work, 'rules.config.mjs');
await writeFile(rulesConfig, "export default { extractEntities: { recognizer: 'rules' } };\n");
const sources = values.input === undefined ? await newsArticles() : await folderFiles(values.input);
if (sources.length === 0) {
  console.error(`bench: ${values.input} holds no files`);
  process.exit(2);
}
const small = await buildCorpus(path.join(work, 'corpus-small'), sources, smallSize);
const large = await buildCorpus(path.join(work, 'corpus-large'), sources, largeSize);
const origin =
  values.input === undefined
    ? `news articles of ${NEWS_SETS.join(', ')} in ${SHARED_CORPUS} (${sources.length} distinct texts, mixed by a hash of the file name)`
    : `${values.input} (${sources.length} files)`;
const corpusLine = (label: string, corpus: Corpus): string =>
  `${label}: ${corpus.description}, ${corpus.words} words (${Math.round(corpus.words / corpus.texts.length)} a document), ${(corpus.bytes / 1e6).toFixed(2)} MB`;
console.log(`corpora from ${origin}`);
console.log(corpusLine('  small', small));
console.log(corpusLine('  large', large));
console.log(`samples: ${SAMPLES} (${(await folderFiles(SAMPLES)).length} documents)`);
console.log(
  `${workers} workers against 1 on ${cores} cores; ${repeat} interleaved rounds; load average at the start ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
);

// Small corpus: the speed measures, interleaved; compromise and chrono warmed up first.
baseline(small.texts.slice(0, 10));
interface SmallRound {
  baseline: number;
  one: Run;
  oneRules: Run;
  many: Run;
  nlpOneThread: number;
  nlpThreads: number;
  samplesDefault: Run;
  samplesMainThread: Run;
}
const smallRounds: SmallRound[] = [];
for (let round = 0; round < repeat; round++) {
  smallRounds.push({
    baseline: baseline(small.texts),
    one: await extract(small.folder, path.join(work, 'out-small-1'), ['--workers', '1', '--fresh']),
    oneRules: await extract(small.folder, path.join(work, 'out-small-1-rules'), ['--workers', '1', '--fresh', '--config', rulesConfig]),
    many: await extract(small.folder, path.join(work, 'out-small-n'), ['--workers', String(workers), '--fresh']),
    nlpOneThread: await nlpInThreads(small.texts, 1),
    nlpThreads: await nlpInThreads(small.texts, workers),
    samplesDefault: await extract(SAMPLES, path.join(work, 'out-samples-default'), ['--fresh']),
    samplesMainThread: await extract(SAMPLES, path.join(work, 'out-samples-0'), ['--workers', '0', '--fresh']),
  });
  progress(`small corpus, round ${round + 1} of ${repeat} done`);
}

// Large corpus, interleaved the same way: every worker thread pays a fixed start, which a larger corpus pays off.
interface LargeRound {
  one: Run;
  many: Run;
  rerun: Run;
}
const largeRounds: LargeRound[] = [];
for (let round = 0; round < repeat; round++) {
  const one = await extract(large.folder, path.join(work, 'out-large-1'), ['--workers', '1', '--fresh']);
  const many = await extract(large.folder, path.join(work, 'out-large-n'), ['--workers', String(workers), '--fresh']);
  const rerun = await extract(large.folder, path.join(work, 'out-large-n'), ['--workers', String(workers)]);
  largeRounds.push({ one, many, rerun });
  progress(`large corpus, round ${round + 1} of ${repeat} done`);
}

for (const index of [1, 2, 3])
  await extract(small.folder, path.join(work, `shard-${index}`), ['--workers', String(workers), '--fresh', '--shard', `${index}/3`]);
await execFileAsync(process.execPath, [QUARRY, 'merge', ...[1, 2, 3].map((index) => path.join(work, `shard-${index}`)), '--out', path.join(work, 'merged')]);
const shardsIdentical = await sameTables(path.join(work, 'merged'), path.join(work, 'out-small-1'));
progress('3 shards merged');

// The measures.
const smallMedian = (measure: (round: SmallRound) => number): Measure => median(smallRounds.map(measure));
const largeMedian = (measure: (round: LargeRound) => number): Measure => median(largeRounds.map(measure));
const baselineTime = smallMedian((round) => round.baseline);
const smallOne = smallMedian((round) => round.one.milliseconds);
const smallOneRules = smallMedian((round) => round.oneRules.milliseconds);
const smallMany = smallMedian((round) => round.many.milliseconds);
const largeOne = largeMedian((round) => round.one.milliseconds);
const largeMany = largeMedian((round) => round.many.milliseconds);
const rerunTime = largeMedian((round) => round.rerun.milliseconds);
const samplesDefault = smallMedian((round) => round.samplesDefault.milliseconds);
const samplesMainThread = smallMedian((round) => round.samplesMainThread.milliseconds);
const nlpOneThread = smallMedian((round) => round.nlpOneThread);
const nlpThreads = smallMedian((round) => round.nlpThreads);
/** Cores kept busy by a run: its CPU time (every thread) over its run time. */
const coresBusy = (run: Run): number => run.cpuMilliseconds / run.milliseconds;
const smallCoresOne = smallMedian((round) => coresBusy(round.one));
const smallCoresMany = smallMedian((round) => coresBusy(round.many));
const largeCoresOne = largeMedian((round) => coresBusy(round.one));
const largeCoresMany = largeMedian((round) => coresBusy(round.many));
// N workers do at least the work of one, so on C cores they can be at most C / (cores busy with 1 worker) times as fast.
const coresLimit = (coresOne: Measure): number => Math.min(workers, cores) / coresOne.median;
const machineScaling = smallMedian((round) => (workers * round.nlpOneThread) / round.nlpThreads);
/** The entity stage's share of the document stages' time in a run (issue 15). */
const entityShare = (run: Run): number => (run.timings.stage_ms.extractEntities ?? 0) / sum(Object.values(run.timings.stage_ms));
const peakSmall = smallMedian((round) => round.one.timings.peak_rss_bytes);
const peakLarge = largeMedian((round) => round.one.timings.peak_rss_bytes);
const samplesDefaultThreads = smallRounds.map((round) => round.samplesDefault.workerThreads);
const samplesDefaultWhere = [
  ...new Set(
    samplesDefaultThreads.map((threads) =>
      threads === null ? 'none extracted' : threads === 0 ? 'extracted in the main thread' : `on ${threads} worker threads`,
    ),
  ),
].join(' or ');
const rerunCounts = [...new Set(largeRounds.map((round) => `${round.rerun.cached} cached, ${round.rerun.extracted} extracted`))].join(' or ');

function sum(numbers: readonly number[]): number {
  return numbers.reduce((total, value) => total + value, 0);
}

// Formatting.
const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const withSpread = (measure: Measure, digits = 2, unit = ''): string =>
  `${fixed(measure.median, digits)}${unit} (${fixed(measure.low, digits)} to ${fixed(measure.high, digits)})`;
const wordsPerSecond = (words: number, milliseconds: Measure): string =>
  `${Math.round(words / (milliseconds.median / 1000))} words/s (${Math.round(words / (milliseconds.high / 1000))} to ${Math.round(words / (milliseconds.low / 1000))})`;
const seconds = (milliseconds: Measure): string =>
  withSpread({ median: milliseconds.median / 1000, low: milliseconds.low / 1000, high: milliseconds.high / 1000 }, 2, ' s');
const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
const smallLabel = `${small.texts.length} docs`;
const largeLabel = `${large.texts.length} docs`;

console.log(`\nmeasures: median of ${repeat} interleaved rounds, lowest to highest in parentheses`);
printTable([
  ['measure', 'time', 'speed', 'cores busy (CPU / wall)'],
  [
    `baseline: compromise + people/places/organizations/numbers + chrono parse, ${smallLabel}`,
    seconds(baselineTime),
    wordsPerSecond(small.words, baselineTime),
    '',
  ],
  [`pipeline, 1 worker, ${smallLabel}`, seconds(smallOne), wordsPerSecond(small.words, smallOne), withSpread(smallCoresOne)],
  [`pipeline, 1 worker, rules alone, ${smallLabel}`, seconds(smallOneRules), wordsPerSecond(small.words, smallOneRules), ''],
  [`pipeline, ${workers} workers, ${smallLabel}`, seconds(smallMany), wordsPerSecond(small.words, smallMany), withSpread(smallCoresMany)],
  [`pipeline, 1 worker, ${largeLabel}`, seconds(largeOne), wordsPerSecond(large.words, largeOne), withSpread(largeCoresOne)],
  [`pipeline, ${workers} workers, ${largeLabel}`, seconds(largeMany), wordsPerSecond(large.words, largeMany), withSpread(largeCoresMany)],
  [`re-run, unchanged, ${workers} workers, ${largeLabel}`, seconds(rerunTime), rerunCounts, ''],
  [`samples, default workers setting (${samplesDefaultWhere})`, seconds(samplesDefault), '', ''],
  ['samples, --workers 0', seconds(samplesMainThread), '', ''],
  [`compromise nlp() alone, 1 thread, ${smallLabel}`, seconds(nlpOneThread), wordsPerSecond(small.words, nlpOneThread), ''],
  [`compromise nlp() alone, ${workers} threads, each on ${smallLabel}`, seconds(nlpThreads), wordsPerSecond(workers * small.words, nlpThreads), ''],
]);

// The issue's targets: each ratio is taken per round and its median reported.
const toBaseline = smallMedian((round) => round.baseline / round.one.milliseconds);
const largeScaling = largeMedian((round) => round.one.milliseconds / round.many.milliseconds);
const smallScaling = smallMedian((round) => round.one.milliseconds / round.many.milliseconds);
const samplesRatio = smallMedian((round) => round.samplesMainThread.milliseconds / round.samplesDefault.milliseconds);
const rerunRatio = largeMedian((round) => round.many.milliseconds / round.rerun.milliseconds);
const peakRatio = peakLarge.median / peakSmall.median;
/** A scaling target against what this machine gives compromise alone. */
const againstMachine = (target: number): string =>
  machineScaling.median < target
    ? `the target is above this machine's limit: compromise alone gets ${fixed(machineScaling.median)}x from ${workers} threads`
    : `compromise alone gets ${fixed(machineScaling.median)}x from ${workers} threads here`;
const samplesSameSetting = samplesDefaultThreads.every((threads) => threads === 0);
console.log('\nissue 20 targets (ratios per round, median and spread)');
printTable([
  ['measure', 'value', 'target', 'verdict'],
  [`1 worker against the baseline, ${smallLabel} (speed)`, withSpread(toBaseline), '>= 1.2', verdict(toBaseline.median >= 1.2)],
  [
    `${workers} workers against 1, ${largeLabel}`,
    withSpread(largeScaling),
    '>= 1.6',
    `${verdict(largeScaling.median >= 1.6)}; ${againstMachine(1.6)}; 1 worker leaves room for at most ${fixed(coresLimit(largeCoresOne))}x`,
  ],
  [
    `${workers} workers against 1, ${smallLabel}`,
    withSpread(smallScaling),
    '>= 1.3',
    `${verdict(smallScaling.median >= 1.3)}; ${againstMachine(1.3)}; 1 worker leaves room for at most ${fixed(coresLimit(smallCoresOne))}x`,
  ],
  [
    'default workers setting against --workers 0, samples',
    withSpread(samplesRatio),
    'never slower (>= 1)',
    samplesSameSetting
      ? `${verdict(true)}: the default extracted them in the main thread, as --workers 0 does (the ratio's distance from 1 is noise)`
      : verdict(samplesRatio.low >= 1),
  ],
  [`unchanged re-run against the fresh run, ${largeLabel}`, `${withSpread(rerunRatio, 1)}x faster`, '>= 20', verdict(rerunRatio.median >= 20)],
  [
    `peak RSS, ${largeLabel} against ${smallLabel} (1 worker)`,
    `${fixed(peakRatio)} (${megabytes(peakLarge.median)}, ${megabytes(peakLarge.low)} to ${megabytes(peakLarge.high)}, against ${megabytes(peakSmall.median)}, ${megabytes(peakSmall.low)} to ${megabytes(peakSmall.high)})`,
    '<= 1.3',
    verdict(peakRatio <= 1.3),
  ],
]);

const modelToRules = smallMedian((round) => round.oneRules.milliseconds / round.one.milliseconds);
const modelShare = smallMedian((round) => entityShare(round.one));
const rulesShare = smallMedian((round) => entityShare(round.oneRules));
console.log('\nother measures');
printTable([
  ['measure', 'value', 'target', 'verdict'],
  [`compromise alone, ${workers} threads against 1 (the machine's limit)`, `${withSpread(machineScaling)}x`, '', ''],
  [
    `cores busy with 1 worker (CPU / wall), ${smallLabel}`,
    withSpread(smallCoresOne),
    '',
    `so ${workers} workers can be at most ${fixed(coresLimit(smallCoresOne))}x one on ${cores} cores`,
  ],
  [
    `cores busy with 1 worker (CPU / wall), ${largeLabel}`,
    withSpread(largeCoresOne),
    '',
    `so ${workers} workers can be at most ${fixed(coresLimit(largeCoresOne))}x one on ${cores} cores`,
  ],
  [
    `trained model against the rules alone, 1 worker, ${smallLabel} (issue 15)`,
    `${withSpread(modelToRules)}x the speed`,
    '>= 0.85',
    verdict(modelToRules.median >= 0.85),
  ],
  [
    'entity stage share of the document stages',
    `${withSpread({ median: 100 * modelShare.median, low: 100 * modelShare.low, high: 100 * modelShare.high }, 1, '%')}`,
    '',
    `${fixed(100 * rulesShare.median, 1)}% with the rules alone`,
  ],
  [`3 shards merged, ${smallLabel}`, shardsIdentical ? 'identical bytes' : 'DIFFERENT bytes', 'identical to one run', verdict(shardsIdentical)],
]);

/** The median over rounds of one timing of the small corpus's runs on 1 or on N workers. */
const timingMedian = (pick: (round: SmallRound) => Run, read: (timings: ManifestTimings, run: Run) => number): number =>
  smallMedian((round) => read(pick(round).timings, pick(round))).median;
/** The runs the profile shows: a label, the run of a round, and its worker threads. */
const profileRuns: [string, (round: SmallRound) => Run, number][] = [
  ['1 worker', (round) => round.one, 1],
  [`${workers} workers`, (round) => round.many, workers],
];
const stageSum = (timings: ManifestTimings): number => sum(Object.values(timings.stage_ms));
const stageNames = Object.entries(smallRounds[0]?.one.timings.stage_ms ?? {})
  .sort((a, b) => b[1] - a[1])
  .map(([stage]) => stage);
const msAndShare = (milliseconds: number, whole: number): string =>
  `${String(Math.round(milliseconds)).padStart(6)} ms ${fixed((100 * milliseconds) / whole, 1).padStart(5)}%`;
/** A row of the profile: a label and, per run, its median milliseconds and their share of `whole`. */
const profileRow = (label: string, read: (timings: ManifestTimings, run: Run) => number, whole: (timings: ManifestTimings, run: Run) => number): string[] => [
  label,
  ...profileRuns.map(([, pick]) => msAndShare(timingMedian(pick, read), timingMedian(pick, whole))),
];
const phase =
  (name: string) =>
  (timings: ManifestTimings): number =>
    timings.phase_ms[name] ?? 0;
const runTime = (_timings: ManifestTimings, run: Run): number => run.milliseconds;
console.log(`\nprofile, ${smallLabel}: median over the rounds of each timing, in ms and as a share`);
console.log(
  `run time a document: ${profileRuns.map(([label, pick]) => `${fixed(timingMedian(pick, runTime) / small.texts.length, 1)} ms on ${label}`).join(', ')}`,
);
console.log("document stages, in the worker threads: wall clock summed over the documents (share of the stages' sum); a thread waiting for a core counts");
printTable([
  ['', ...profileRuns.map(([label]) => label)],
  ...stageNames.map((stage) => profileRow(`  ${stage}`, (timings) => timings.stage_ms[stage] ?? 0, stageSum)),
  profileRow('  all stages', stageSum, stageSum),
  profileRow("  serializing the results (share of the stages' sum)", (timings) => timings.serialize_ms, stageSum),
  [
    '  workers busy in the stages (stages / (workers x first pass))',
    ...profileRuns.map(([, pick, threads]) => `${fixed((100 * timingMedian(pick, stageSum)) / (threads * timingMedian(pick, phase('first_pass'))), 1)}%`),
  ],
]);
console.log("main thread, wall clock (share of the run's time); the indented phases are parts of the one above");
printTable([
  ['', ...profileRuns.map(([label]) => label)],
  profileRow('run, as the command times it', runTime, runTime),
  profileRow('  prepare (fingerprint, settings, the entity model hashed)', phase('prepare'), runTime),
  profileRow('  first pass: extracting', phase('first_pass'), runTime),
  profileRow('    waiting for inputs (reading and decoding files)', phase('read_inputs'), runTime),
  profileRow('    waiting for extraction (the workers, their start)', phase('wait_for_extraction'), runTime),
  profileRow('    cache writes (summed over documents: overlapping the waits)', phase('cache_write'), runTime),
  profileRow('  second pass: writing', phase('second_pass'), runTime),
  profileRow('    cache reads (waiting for the next result read ahead)', phase('cache_read'), runTime),
  profileRow('    write: the tables opened, the rows written', phase('write'), runTime),
  profileRow("    report: the report opened, the documents' pages written", phase('report'), runTime),
  profileRow('  link-entities (both passes: clusters taken, groups fixed, results resolved)', phase('link_entities'), runTime),
  profileRow(
    '  between the passes, and the manifest made (linker finished, package versions read)',
    (timings) => timings.total_ms - (timings.phase_ms.prepare ?? 0) - (timings.phase_ms.first_pass ?? 0) - (timings.phase_ms.second_pass ?? 0),
    runTime,
  ),
  profileRow(
    "  after the manifest (entities table, commit, report's corpus view, cache pruned)",
    (timings, run) => run.milliseconds - timings.total_ms,
    runTime,
  ),
  profileRow('CPU time, every thread (share: cores busy)', (_timings, run) => run.cpuMilliseconds, runTime),
]);
console.log(
  `\nbench took ${Math.round((performance.now() - benchStarted) / 1000)} s; load average at the end ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
);
await rm(work, { recursive: true, force: true });
