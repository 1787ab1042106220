import { describe, expect, it } from 'vitest';
import { checkStageOrder, stagesByKind } from '../../src/run/stage-list.ts';
import type { Stage } from '../../src/stage.ts';
import { STAGES } from '../../src/stages/index.ts';

describe('stage order', () => {
  it('accepts the pipeline order', () => {
    expect(() => checkStageOrder(STAGES)).not.toThrow();
    expect(STAGES.map((stage) => stage.name)).toEqual([
      'load',
      'segment',
      'analyze',
      'extractEntities',
      'extractDates',
      'extractFigures',
      'extractClaims',
      'clusterEntities',
      'validate',
      'linkEntities',
      'write',
      'report',
    ]);
  });

  it('rejects a stage that runs before what it requires', () => {
    const [load, segment, analyze] = STAGES as [Stage, Stage, Stage];
    const linkEntities = STAGES.find((stage) => stage.kind === 'corpus') as Stage;
    expect(() => checkStageOrder([load, analyze, segment, linkEntities])).toThrow('stage analyze requires document.passages, which no earlier stage assigns');
    expect(() => checkStageOrder([load, segment, analyze])).toThrow('the pipeline needs exactly one corpus (entity linking) stage');
  });
});

describe('stagesByKind', () => {
  it('sorts the pipeline stages by kind, each kind in list order', () => {
    const { source, documentStages, corpus, sinks } = stagesByKind(STAGES);
    expect([source.name, documentStages.map((stage) => stage.name), corpus.name, sinks.map((stage) => stage.name)]).toEqual([
      'load',
      ['segment', 'analyze', 'extractEntities', 'extractDates', 'extractFigures', 'extractClaims', 'clusterEntities', 'validate'],
      'linkEntities',
      ['write', 'report'],
    ]);
  });

  it('checks the order first', () => {
    const [load, segment] = STAGES as [Stage, Stage];
    expect(() => stagesByKind([segment, load])).toThrow('the pipeline needs exactly one source stage, first');
  });
});
