import { defineConfig } from './src/config.ts';

/**
 * The default run: `npm start` reads data/raw and writes data/out.
 * This file sets nothing, so `npm start` runs the defaults. Every option is
 * listed below, commented out, with its default: to change one, uncomment it
 * (with its stage's braces) and set another value. See README.md,
 * "Configuration". tests/pipeline-config-file.test.ts checks that every option
 * is listed with its true default, and that the file sets none to its default
 * (which would keep the old value here when a default changes).
 */
export default defineConfig({
  // input: ['data/raw'],
  // output: 'data/out',
  // progress: 'auto',
  // workers: 'auto',
  // cacheDirectory: null,
  // report: true,
  // load: {
  //   extensions: ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'],
  //   maxFileBytes: 50 * 1024 * 1024,
  //   concurrency: 16,
  // },
  // segment: {
  //   maxPassageChars: 2000,
  //   maxHeadingChars: 150,
  // },
  // extractEntities: {
  //   recognizer: 'model',
  //   model: null,
  //   lexicons: [],
  // },
  // extractDates: {
  //   defaultReferenceDate: null,
  // },
  // extractFigures: {
  //   decimalSeparator: 'auto',
  // },
  // write: {
  //   csvBom: false,
  // },
});
