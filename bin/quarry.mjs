#!/usr/bin/env node
// Entry point of the `quarry` command: registers tsx so the TypeScript sources
// (and a TypeScript pipeline.config.ts) run without a build step.
import { register } from 'tsx/esm/api';

register();
const { endCleanlyOnInterruptAndClosedPipe } = await import('../src/cli/process-events.ts');
endCleanlyOnInterruptAndClosedPipe();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
