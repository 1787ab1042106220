import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableJsonSchema } from '../output/table-writer.ts';
import { TABLE_NAMES } from '../schemas/index.ts';
import { ExitCode } from './errors.ts';

/** `quarry schemas`: writes the JSON Schema of every table (`<table>.schema.json`, as a run writes them) into a folder. */
export async function writeSchemas(folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  for (const table of TABLE_NAMES) await writeFile(path.join(folder, `${table}.schema.json`), tableJsonSchema(table));
  process.stderr.write(`quarry: ${TABLE_NAMES.length} schemas in ${folder}\n`);
  return ExitCode.ok;
}
