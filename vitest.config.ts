import { defineConfig } from 'vitest/config';

/**
 * Test files that run the pipeline over documents (a whole run, a command that extracts or trains, the library on
 * worker threads), start a child process, worker threads or a browser. Everything else is a unit test: list a new
 * file here when it does any of these.
 */
const END_TO_END = [
  'tests/pipeline.test.ts',
  'tests/api-runs.test.ts',
  'tests/cli/extract.test.ts',
  'tests/cli/process.test.ts',
  'tests/cli/progress.test.ts',
  'tests/entities/model/train-command.test.ts',
  'tests/eval/reference.test.ts',
  'tests/output/claim-links.test.ts',
  'tests/output/csv-bom.test.ts',
  'tests/package.test.ts',
  'tests/reliability/csv-round-trip.test.ts',
  'tests/reliability/failed-run.test.ts',
  'tests/reliability/hostile-corpus.test.ts',
  'tests/reliability/kill.test.ts',
  'tests/reliability/worker-bundle-failure.test.ts',
  'tests/report/browser.test.ts',
  'tests/run/result-cache.test.ts',
  'tests/run/scale.test.ts',
  'tests/run/worker-bundle.test.ts',
];

/*
 * Neither project isolates its files (isolate: false): one process runs them all and loads compromise, the model, the
 * gazetteers and our modules once, not once per file, which was a third of the suite's time. So a file must leave the
 * process as it found it, and a module mock (vi.mock) would miss a module another file loaded first and reach into
 * the files after it: tests/output/table-writer.test.ts and tests/reliability/worker-bundle-failure.test.ts show what
 * to do instead.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: END_TO_END,
          isolate: false,
          // The unit files first, then the e2e files: the files of one project follow one another in its process
          // (interleaved by duration, each file of the other project in between started a fresh process).
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: END_TO_END,
          isolate: false,
          sequence: { groupOrder: 1 },
          // Enough for one small run on a busy 2-core machine; a test that does more says how long it may take.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
