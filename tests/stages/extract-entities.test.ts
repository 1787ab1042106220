import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { createDocument } from '../../src/document.ts';
import { loadGazetteer } from '../../src/entities/gazetteer.ts';
import { findEntityMentions } from '../../src/entities/rules.ts';
import { analyze } from '../../src/stages/analyze.ts';
import { extractEntities } from '../../src/stages/extract-entities.ts';
import { segment } from '../../src/stages/segment.ts';
import { runMain, temporaryDirectory } from '../helpers/run.ts';

/** Runs segment, analyze and extractEntities on a text with the given extractEntities options; returns [type, text] pairs. */
function entities(text: string, options: Record<string, unknown> = {}): [string, string][] {
  const config = resolveConfig({ extractEntities: options });
  const document = createDocument({ id: 'doc', source: 'doc.txt', format: 'txt', sha256: '0'.repeat(64), text });
  for (const stage of [segment, analyze, extractEntities]) stage.run(document, config);
  return document.mentions.map((mention) => [mention.type, mention.text]);
}

const NEWS =
  'Newmont Mining Corp said on Tuesday it would buy Santa Fe Pacific Gold.\nShares of Newmont rose in New York, and Isolde Kostner of Italy won the downhill.';

describe('extractEntities', () => {
  it('runs the rule engine alone with recognizer: rules', () => {
    const config = resolveConfig({});
    const document = createDocument({ id: 'doc', source: 'doc.txt', format: 'txt', sha256: '0'.repeat(64), text: NEWS });
    segment.run(document, config);
    analyze.run(document, config);
    const rules = findEntityMentions(document, document.analyses, loadGazetteer()).map((mention) => [mention.type, mention.text]);
    expect(entities(NEWS, { recognizer: 'rules' })).toEqual(rules);
  });

  it.each([
    [
      'Newmont Mining Corp said on Tuesday it had agreed to buy Santa Fe Pacific Gold Corp for $2 billion.',
      [
        ['organization', 'Newmont Mining Corp'],
        ['organization', 'Santa Fe Pacific Gold Corp'],
      ],
    ],
    // The rule engine takes "Val" for a person.
    [
      "Isolde Kostner of Italy won the women's downhill in Val d'Isere, ahead of Pernilla Wiberg of Sweden.",
      [
        ['person', 'Isolde Kostner'],
        ['place', 'Italy'],
        ['place', "Val d'Isere"],
        ['person', 'Pernilla Wiberg'],
        ['place', 'Sweden'],
      ],
    ],
    // A result line names clubs by their city; the rule engine takes Leeds for the city.
    [
      'Leeds 2 Chelsea 1',
      [
        ['organization', 'Leeds'],
        ['organization', 'Chelsea'],
      ],
    ],
    // The rule engine finds no one here.
    [
      'Democrat Hillary Clinton spoke in Ohio on Monday.',
      [
        ['person', 'Hillary Clinton'],
        ['place', 'Ohio'],
      ],
    ],
    // The model learnt Augsburg as a Bundesliga club; the text's own definition makes it a place at every mention.
    [
      'Augsburg (Latin: Augusta Vindelicorum) is a city in Bavaria. Augsburg has a university.',
      [
        ['place', 'Augsburg'],
        ['place', 'Augusta Vindelicorum'],
        ['place', 'Bavaria'],
        ['place', 'Augsburg'],
      ],
    ],
    // A definition by an organization head word ("capital") stays a feature: Hobart remains a place.
    [
      'Hobart is the capital and most populous city of Tasmania.',
      [
        ['place', 'Hobart'],
        ['place', 'Tasmania'],
      ],
    ],
  ])('runs the shipped model by default: %s', (text, expected) => {
    expect(entities(text)).toEqual(expected);
  });

  it.each(['model', 'rules'])('lets a user lexicon decide the type with recognizer: %s', (recognizer) => {
    const lexicon = path.join(mkdtempSync(path.join(tmpdir(), 'quarry-lexicon-')), 'lexicon.csv');
    writeFileSync(lexicon, 'name,type,aliases\nKostner Holdings,place,\n');
    const found = entities('Reporters met Kostner Holdings in Rome. Kostner Holdings denied it.', { recognizer, lexicons: [lexicon] });
    expect(found.filter(([, text]) => text === 'Kostner Holdings')).toEqual([
      ['place', 'Kostner Holdings'],
      ['place', 'Kostner Holdings'],
    ]);
  });
});

describe('an unusable model file', () => {
  it('stops the run at once with exit 2, naming the file', async () => {
    const folder = await temporaryDirectory();
    const model = path.join(folder, 'broken.model');
    writeFileSync(model, 'not a model');
    const config = path.join(folder, 'quarry.config.mjs');
    writeFileSync(config, `export default { extractEntities: { model: ${JSON.stringify(model)} } };`);
    const { code, stderr } = await runMain([
      'extract',
      path.join(import.meta.dirname, '..', '..', 'data', 'raw'),
      '--out',
      path.join(folder, 'out'),
      '--config',
      config,
      '--workers',
      '0',
      '--no-progress',
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(`quarry: ${model} is not a usable quarry entity model: it does not start like one (train one with \`quarry train\`)\n`);
  });
});
