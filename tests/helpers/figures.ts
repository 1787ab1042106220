import { resolveConfig, type PipelineConfig } from '../../src/config.ts';
import { createDocument, type PipelineDocument } from '../../src/document.ts';
import { analyze } from '../../src/stages/analyze.ts';
import { extractDates } from '../../src/stages/extract-dates.ts';
import { extractFigures } from '../../src/stages/extract-figures.ts';
import { segment } from '../../src/stages/segment.ts';
import { OffsetIndex } from '../../src/text/offsets.ts';

/** Runs the stages figures depend on, then figures, on a text published on 2016-01-20. */
export function figuresOf(text: string, config: PipelineConfig = {}): PipelineDocument {
  const resolved = resolveConfig(config);
  const document = createDocument({ id: 'test', source: 'test.txt', format: 'txt', sha256: '0'.repeat(64), text, published: '2016-01-20' });
  document.offsets = new OffsetIndex(text);
  for (const stage of [segment, analyze, extractDates, extractFigures]) if (stage.kind === 'document') stage.run(document, resolved);
  return document;
}
