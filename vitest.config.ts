import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests run the whole pipeline (and the CLI in a child process).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
