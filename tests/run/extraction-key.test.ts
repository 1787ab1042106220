import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { extractionKey } from '../../src/run/extraction-key.ts';
import { extractionSettings } from '../../src/run/extraction-settings.ts';
import { pipelineFingerprint } from '../../src/run/fingerprint.ts';

// Which options the settings hold, and which they leave out, is tested in extraction-settings.test.ts.
describe('extractionKey', () => {
  it('is the pipeline fingerprint with the settings that shape results', async () => {
    const config = resolveConfig({ extractEntities: { recognizer: 'rules' } });
    const key = await extractionKey(config);
    expect(key.pipeline).toBe(await pipelineFingerprint());
    expect(key.settings).toEqual(await extractionSettings(config));
    expect(Object.keys(key.settings)).toEqual(['segment', 'extractEntities', 'extractDates', 'extractFigures']);
    expect(key.settings.extractEntities).toEqual({ recognizer: 'rules', model: null, lexicons: [] });
  });
});
