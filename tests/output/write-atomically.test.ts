import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/output/write-atomically.ts';
import { temporaryDirectory } from '../helpers/run.ts';

describe('writeAtomically', () => {
  it('replaces a file with the new contents and leaves no temporary file', async () => {
    const folder = await temporaryDirectory();
    const file = path.join(folder, 'index.jsonl');
    await writeFile(file, 'old\n');
    await writeAtomically(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readdir(folder)).toEqual(['index.jsonl']);
  });

  it('gives each of several writes of the same file at once a temporary name of its own, and the file ends whole', async () => {
    const folder = await temporaryDirectory();
    const file = path.join(folder, 'result.json');
    const contents = Array.from({ length: 8 }, (_, index) => `${String(index).repeat(100_000)}\n`);
    await Promise.all(contents.map((text) => writeAtomically(file, new TextEncoder().encode(text))));
    expect(contents).toContain(await readFile(file, 'utf8'));
    expect(await readdir(folder)).toEqual(['result.json']);
  });
});
