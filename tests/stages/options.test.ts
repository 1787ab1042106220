import { describe, expect, it } from 'vitest';
import { STAGE_OPTIONS } from '../../src/stages/options/index.ts';
import { STAGES } from '../../src/stages/index.ts';

describe('STAGE_OPTIONS', () => {
  it('are the options the stages declare, in the order of STAGES', () => {
    const declared = STAGES.flatMap((stage) => (stage.options === undefined ? [] : [stage.options]));
    expect(declared.map((options) => options.stage)).toEqual(['load', 'segment', 'extractEntities', 'extractDates', 'extractFigures', 'write']);
    expect(declared.every((options, index) => options === STAGE_OPTIONS[index])).toBe(true);
    expect(declared).toHaveLength(STAGE_OPTIONS.length);
  });

  it('sit under the name of the stage that declares them', () => {
    const misnamed = STAGES.filter((stage) => stage.options !== undefined && stage.options.stage !== stage.name).map((stage) => stage.name);
    expect(misnamed).toEqual([]);
  });

  it.each(STAGE_OPTIONS.map((options) => [options.stage, options] as const))('%s: an omitted options object gets every option’s default', (_stage, options) => {
    expect(options.schema.parse(undefined)).toEqual(options.schema.parse({}));
    expect(Object.keys(options.schema.parse(undefined) as object)).toEqual(Object.keys(options.schema.unwrap().shape));
  });
});
