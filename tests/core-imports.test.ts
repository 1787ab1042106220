import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = path.resolve(import.meta.dirname, '..', 'src');
/** The core: the document and its record types, and the schemas. Every other module builds on it. */
const CORE_FILES = ['document.ts', ...(await readdir(path.join(SOURCE, 'schemas'))).map((file) => path.join('schemas', file))];

/** The modules a file imports, as paths under src/ (a package by its name). */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(SOURCE, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '([^']+)'/gmu)].map(([, specifier]) =>
    (specifier as string).startsWith('.') ? path.relative(SOURCE, path.resolve(SOURCE, path.dirname(file), specifier as string)) : (specifier as string),
  );
}

describe('the core', () => {
  it('imports only the core and zod, never a module above it', async () => {
    const outside: string[] = [];
    for (const file of CORE_FILES) {
      for (const imported of await importsOf(file)) if (imported !== 'zod' && !CORE_FILES.includes(imported)) outside.push(`${file} -> ${imported}`);
    }
    expect(outside).toEqual([]);
  });

  it('is what the test reads: the document and every schema file', async () => {
    expect(CORE_FILES).toContain('document.ts');
    expect(CORE_FILES).toContain(path.join('schemas', 'calendar-day.ts'));
    expect(new Set(await importsOf('document.ts'))).toEqual(new Set(['schemas/index.ts']));
  });
});
