/**
 * Benchmark: measures side by side, in one run, on the same texts:
 * compromise's nlp() alone, the full pipeline with 1 and N workers (on the
 * corpus and on 4x the corpus) with the cores each keeps busy, the
 * pipeline on 1 worker with the rule engine alone as the entity recognizer
 * (what quarry did before the trained model) and the entity stage's share of
 * the document stages' time,
 * peak memory at 1x and 4x the corpus, a re-run on an unchanged corpus, and
 * 3 shards merged against one run.
 *
 *   npm run bench -- [--input DIR] [--copies N] [--workers N] [--repeat N]
 *
 * The corpus is DIR (default data/raw) copied N times (default 40) under
 * distinct names, so every copy is a document of its own. The speed
 * measures are taken --repeat times (default 3), interleaved, and the median
 * of each is reported with its spread: on a shared machine one measure can
 * be off by a tenth either way. The 4x runs are interleaved the same way.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import nlp from 'compromise';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const QUARRY = path.join(ROOT, 'bin', 'quarry.mjs');

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: path.join(ROOT, 'data', 'raw') },
    copies: { type: 'string', default: '40' },
    workers: { type: 'string', default: String(availableParallelism()) },
    repeat: { type: 'string', default: '3' },
  },
});
const copies = Number(values.copies);
const workers = Number(values.workers);
const repeat = Number(values.repeat);
if (![copies, workers, repeat].every((value) => Number.isInteger(value) && value >= 1)) {
  console.error('usage: npm run bench -- [--input DIR] [--copies N >= 1] [--workers N >= 1] [--repeat N >= 1]');
  process.exit(2);
}

async function buildCorpus(folder: string, times: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let copy = 0; copy < times; copy++) await cp(values.input as string, path.join(folder, `copy-${String(copy).padStart(4, '0')}`), { recursive: true });
}

async function textsOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.sort().map((file) => readFile(file, 'utf8')));
}

const countWords = (texts: readonly string[]): number => texts.reduce((sum, text) => sum + (text.match(/\S+/g)?.length ?? 0), 0);

interface Run {
  milliseconds: number;
  /** CPU time of the run's process over the run (every thread). */
  cpuMilliseconds: number;
  peakRssBytes: number;
  extracted: number;
  cached: number;
  /** Time of each document stage, summed over the documents (the manifest's stage_ms). */
  stageMilliseconds: Record<string, number>;
}

/**
 * Runs `quarry extract` in a child process. The time and the cache counts
 * are the run's own, as the command reports them: from taking the output folder's lock to the last
 * table, report page and cache entry written (node's start-up and module
 * loading are left out, as they are for nlp() alone). The manifest's own
 * time stops when the manifest is made, before the files are closed and the
 * report finished, so it is not used here.
 */
async function extract(input: string, output: string, options: string[]): Promise<Run> {
  const { stdout, stderr } = await execFileAsync(process.execPath, [QUARRY, 'extract', input, '--out', output, '--no-progress', ...options], { maxBuffer: 64 * 1024 * 1024 });
  const summary = /\bwords in ([\d.]+) s \(\d+ words\/s, ([\d.]+) s of CPU\); (\d+) extracted[^,\n]*, (\d+) from the cache/.exec(`${stdout}\n${stderr}`);
  if (summary === null) throw new Error(`quarry extract printed no run summary:\n${stdout}\n${stderr}`);
  // An unchanged corpus leaves the manifest of the run before as it is: its peak memory is that run's.
  const manifest = JSON.parse(await readFile(path.join(output, 'manifest.json'), 'utf8')) as { timings: { peak_rss_bytes: number; stage_ms: Record<string, number> } };
  return {
    milliseconds: Number(summary[1]) * 1000,
    cpuMilliseconds: Number(summary[2]) * 1000,
    peakRssBytes: manifest.timings.peak_rss_bytes,
    extracted: Number(summary[3]),
    cached: Number(summary[4]),
    stageMilliseconds: manifest.timings.stage_ms,
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

const work = await mkdtemp(path.join(tmpdir(), 'quarry-bench-'));
// The rule engine alone as the entity recognizer: the pipeline as it was before the trained model.
const rulesConfig = path.join(work, 'rules.config.mjs');
await writeFile(rulesConfig, "export default { extractEntities: { recognizer: 'rules' } };\n");
const corpus = path.join(work, 'corpus-1x');
const corpus4 = path.join(work, 'corpus-4x');
await buildCorpus(corpus, copies);
await buildCorpus(corpus4, copies * 4);
const texts = await textsOf(corpus);
const words = countWords(texts);
const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const rate = (milliseconds: number): number => Math.round(words / (milliseconds / 1000));
console.log(`corpus: ${texts.length} documents, ${words} words (${values.input} x ${copies}); ${workers} workers on ${availableParallelism()} cores`);

/** compromise alone, in this process. */
function nlpAlone(): number {
  const started = performance.now();
  for (const text of texts) nlp(text);
  return performance.now() - started;
}

/** compromise alone in `threads` worker threads at once, each on the whole corpus: the machine's own scaling, for comparison. */
async function nlpInThreads(threads: number): Promise<number> {
  const started = performance.now();
  const source = `const nlp = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'compromise', 'builds', 'three', 'compromise-three.cjs'))}); const { parentPort, workerData } = require('node:worker_threads'); for (const text of workerData) nlp(text); parentPort.postMessage(0);`;
  await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => new Worker(source, { eval: true, workerData: texts }).once('message', resolve).once('error', reject))));
  return performance.now() - started;
}

/** The median of some measures, with their spread (lowest to highest). */
function median(measures: readonly number[]): { median: number; low: number; high: number } {
  const sorted = [...measures].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const value = sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median: value, low: sorted[0] as number, high: sorted.at(-1) as number };
}

// The speed measures, interleaved so that a slow spell of the machine touches all of them; compromise warmed up first.
for (const text of texts.slice(0, 10)) nlp(text);
const runs: { nlp: number; one: Run; oneRules: Run; many: Run; nlpOneThread: number; nlpThreads: number }[] = [];
for (let round = 0; round < repeat; round++) {
  runs.push({
    nlp: nlpAlone(),
    one: await extract(corpus, path.join(work, 'out-1'), ['--workers', '1', '--fresh']),
    oneRules: await extract(corpus, path.join(work, 'out-1-rules'), ['--workers', '1', '--fresh', '--config', rulesConfig]),
    many: await extract(corpus, path.join(work, 'out-n'), ['--workers', String(workers), '--fresh']),
    nlpOneThread: await nlpInThreads(1),
    nlpThreads: await nlpInThreads(workers),
  });
}
const nlpTime = median(runs.map((run) => run.nlp));
const oneTime = median(runs.map((run) => run.one.milliseconds));
const manyTime = median(runs.map((run) => run.many.milliseconds));
const ratioToNlp = median(runs.map((run) => run.nlp / run.one.milliseconds));
const ratioToOne = median(runs.map((run) => run.one.milliseconds / run.many.milliseconds));
const oneRulesTime = median(runs.map((run) => run.oneRules.milliseconds));
const ratioToRules = median(runs.map((run) => run.oneRules.milliseconds / run.one.milliseconds));
/** The entity stage's share of the document stages' time in a run. */
const entityShare = (run: Run): number => (run.stageMilliseconds.extractEntities ?? 0) / Object.values(run.stageMilliseconds).reduce((sum, value) => sum + value, 0);
const modelShare = median(runs.map((run) => entityShare(run.one)));
const rulesShare = median(runs.map((run) => entityShare(run.oneRules)));
const threadScaling = median(runs.map((run) => (workers * run.nlpOneThread) / run.nlpThreads));
// Cores kept busy: CPU time over run time. N workers do at least the work of one, so on C cores they can be at most C / (cores busy with 1 worker) times as fast.
const coresBusyOne = median(runs.map((run) => run.one.cpuMilliseconds / run.one.milliseconds));
const coresBusyMany = median(runs.map((run) => run.many.cpuMilliseconds / run.many.milliseconds));
const cores = availableParallelism();
const many = runs.at(-1)?.many as Run;
const rerun = await extract(corpus, path.join(work, 'out-n'), ['--workers', String(workers)]);
// Each worker thread pays a fixed start: loading the modules, and V8 compiling the hot code again in that thread. A larger corpus shows how far that is paid off.
const fourRuns: { one: Run; many: Run }[] = [];
for (let round = 0; round < repeat; round++) {
  fourRuns.push({
    one: await extract(corpus4, path.join(work, 'out-4x-1'), ['--workers', '1', '--fresh']),
    many: await extract(corpus4, path.join(work, 'out-4x'), ['--workers', String(workers), '--fresh']),
  });
}
const four = fourRuns.at(-1)?.many as Run;
const fourManyTime = median(fourRuns.map((run) => run.many.milliseconds));
const fourRatioToOne = median(fourRuns.map((run) => run.one.milliseconds / run.many.milliseconds));
for (const index of [1, 2, 3]) await extract(corpus, path.join(work, `shard-${index}`), ['--workers', String(workers), '--fresh', '--shard', `${index}/3`]);
await execFileAsync(process.execPath, [QUARRY, 'merge', ...[1, 2, 3].map((index) => path.join(work, `shard-${index}`)), '--out', path.join(work, 'merged')]);
const shardsIdentical = await sameTables(path.join(work, 'merged'), path.join(work, 'out-1'));

/** A measure over `copies` times the corpus, per copy of it (so that words/s counts the corpus's words). */
const perCopy = (measure: { median: number; low: number; high: number }, copies: number) => ({ median: measure.median / copies, low: measure.low / copies, high: measure.high / copies });
const spread = (measure: { low: number; high: number }, digits = 2): string => `(${measure.low.toFixed(digits)} to ${measure.high.toFixed(digits)})`;
const rates = (measure: { median: number; low: number; high: number }): string => `${rate(measure.median)} words/s (${rate(measure.high)} to ${rate(measure.low)})`;
console.log(`speed: median of ${repeat} interleaved rounds, lowest to highest in parentheses`);
const rows: [string, string, string][] = [
  ['compromise nlp() alone', rates(nlpTime), ''],
  ['pipeline, 1 worker', rates(oneTime), `ratio to nlp() alone ${ratioToNlp.median.toFixed(2)} ${spread(ratioToNlp)} (target >= 1.0)`],
  ['pipeline, 1 worker, rules', rates(oneRulesTime), `the rule engine alone as the entity recognizer: the trained model runs at ${ratioToRules.median.toFixed(2)} ${spread(ratioToRules)} its speed (target >= 0.85)`],
  ['entity stage share', `${(100 * modelShare.median).toFixed(1)}% ${spread({ low: 100 * modelShare.low, high: 100 * modelShare.high }, 1)}`, `of the document stages' time on 1 worker with the model (${(100 * rulesShare.median).toFixed(1)}% with the rules alone)`],
  [`pipeline, ${workers} workers`, rates(manyTime), `ratio to 1 worker ${ratioToOne.median.toFixed(2)} ${spread(ratioToOne)} (target >= 1.6 on 2 cores)`],
  ['cores busy, 1 worker', `${coresBusyOne.median.toFixed(2)} ${spread(coresBusyOne)}`, `CPU time / run time: so ${workers} workers can be at most ${(Math.min(workers, cores) / coresBusyOne.median).toFixed(2)}x one worker on ${cores} cores`],
  [`cores busy, ${workers} workers`, `${coresBusyMany.median.toFixed(2)} ${spread(coresBusyMany)}`, ''],
  [`4x corpus, ${workers} workers`, rates(perCopy(fourManyTime, 4)), `ratio to 1 worker on the 4x corpus ${fourRatioToOne.median.toFixed(2)} ${spread(fourRatioToOne)} (target as above)`],
  [`compromise alone, ${workers} threads`, `${threadScaling.median.toFixed(2)}x one thread ${spread(threadScaling)}`, 'the most this machine gives on the same work'],
  ['peak RSS, 1x corpus', `${megabytes(many.peakRssBytes)} MB`, ''],
  ['peak RSS, 4x corpus', `${megabytes(four.peakRssBytes)} MB`, `ratio to 1x ${(four.peakRssBytes / many.peakRssBytes).toFixed(2)} (target <= 1.3)`],
  ['re-run, unchanged corpus', `${rerun.milliseconds} ms (${rerun.cached} cached, ${rerun.extracted} extracted)`, `${(manyTime.median / rerun.milliseconds).toFixed(1)}x faster than a fresh run (target >= 10)`],
  ['3 shards merged', shardsIdentical ? 'identical bytes' : 'DIFFERENT bytes', 'to one run (target: identical)'],
];
for (const [what, value, note] of rows) console.log(`${what.padEnd(28)} ${value.padEnd(48)} ${note}`);
await rm(work, { recursive: true, force: true });
