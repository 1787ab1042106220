import { defineConfig } from './src/config.ts';

/**
 * The default run: `npm start` reads data/raw and writes data/out.
 * Every option is optional; the values below are the defaults, spelled out
 * so they can be changed here. See README.md, "Configuration".
 */
export default defineConfig({
  input: ['data/raw'],
  output: 'data/out',
  progress: 'auto',
  report: true,
  load: {
    extensions: ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'],
    maxFileBytes: 50 * 1024 * 1024,
    concurrency: 16,
  },
  segment: {
    maxPassageChars: 2000,
    maxHeadingChars: 150,
  },
  extractEntities: {
    lexicons: [],
  },
  extractDates: {
    defaultReferenceDate: null,
  },
  write: {
    csvBom: false,
  },
});
