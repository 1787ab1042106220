import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { loadModel, SHIPPED_ENTITY_MODEL } from '../../entities/model/model-file.ts';
import { stageOptions } from '../../stage-options.ts';

/** The options of the extractEntities stage (src/stages/extract-entities.ts). */
export const extractEntitiesOptions = stageOptions(
  'extractEntities',
  z
    .object({
      /** Which recognizer finds the mentions: 'model', the trained sequence labeller (with the rule engine's findings among its features), or 'rules', the rule engine alone. @default 'model' */
      recognizer: z.enum(['model', 'rules']).default('model'),
      /** The model file the 'model' recognizer reads (made by `quarry train`); null means the model shipped in data/models/entities.model. @default null */
      model: z
        .string()
        .min(1)
        .refine((file) => existsSync(file), 'file not found')
        .nullable()
        .default(null),
      /** User lexicons (CSV with the header `name,type,aliases`, aliases joined with `;`, or a JSON array of `{name, type, aliases}`), read before the shipped gazetteers so their entries win; paths in a config file relative to its folder. @default [] */
      lexicons: z
        .array(
          z
            .string()
            .regex(/\.(csv|json)$/i, 'a .csv or .json file')
            .refine((file) => existsSync(file), 'file not found'),
        )
        .default([]),
    })
    .strict()
    .prefault({}),
  {
    cacheKey: {
      recognizer: true,
      // The model counts by its content, and only when it is used. It is read here, in the main thread, so a file that
      // is not a model stops the run at once (ModelFileError) rather than failing every document.
      model: (options) => (options.recognizer === 'model' ? loadModel(options.model ?? SHIPPED_ENTITY_MODEL).sha256 : null),
      // Lexicons count by their content, not their paths.
      lexicons: (options) => Promise.all(options.lexicons.map((file) => readFile(file, 'utf8'))),
    },
    paths: ['model', 'lexicons'],
    // The shipped gazetteers, and the shipped model (data/models/entities.model).
    packageData: ['data/gazetteers', 'data/models'],
  },
);
