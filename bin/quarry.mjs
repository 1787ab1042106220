#!/usr/bin/env node
// Entry point of the `quarry` command. In the repository (src/ beside bin/) it runs the TypeScript sources
// through tsx, so the command always runs the current code with no build step. The installed package ships no
// sources: there it runs the compiled code (dist/, made by `npm run build` before packing), without tsx.
import { existsSync } from 'node:fs';

const sources = new URL('../src/main.ts', import.meta.url);
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else {
  await import('../dist/main.js');
}
