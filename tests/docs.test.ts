import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SCHEMAS } from '../src/schemas/index.ts';
import { ROOT } from './helpers/run.ts';

describe('docs/tables.md', () => {
  it.each(TABLE_NAMES)('documents every column of %s', async (table) => {
    const text = await readFile(path.join(ROOT, 'docs', 'tables.md'), 'utf8');
    const section = text.split(/^## /m).find((part) => part.split(/\s/)[0] === table) ?? '';
    const documented = new Set(
      [...section.matchAll(/^\| ([a-z0-9_, ]+) \|/gm)].flatMap((match) => (match[1] as string).split(',').map((column) => column.trim())),
    );
    expect(Object.keys(TABLE_SCHEMAS[table].shape).filter((column) => !documented.has(column))).toEqual([]);
  });
});
