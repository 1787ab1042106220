import { describe, expect, it } from 'vitest';
import { scoreDataset } from '../../src/eval/score.ts';
import type { GoldEntityType } from '../../src/eval/gold.ts';
import type { EntityType } from '../../src/schemas/mentions.ts';
import type { ClaimPrediction, EvalReport, MatchScores, MentionPrediction } from '../../src/eval/score.ts';
import { countsOf, goldDocument, predictionTables } from './helpers.ts';

type Counts = [number, number, number, number];

/** A gold entity; `optional` is left out unless given, as in most gold files. */
function entity(type: GoldEntityType, start: number, end: number, optional?: boolean) {
  return { type, start, end, text: 'x'.repeat(end - start), ...(optional === undefined ? {} : { optional }) };
}

function mention(type: string, start: number, end: number, docId = 'doc'): MentionPrediction {
  return { doc_id: docId, type, start, end };
}

describe('scoreDataset: entity matching', () => {
  const cases: {
    name: string;
    gold: ReturnType<typeof entity>[];
    predicted: MentionPrediction[];
    /** [tp, fp, fn, ignored] for the whole table. */
    strict: Counts;
    lenient: Counts;
    /** Per type, strict then lenient counts. */
    byType?: Partial<Record<EntityType, [Counts, Counts]>>;
  }[] = [
    {
      name: 'identical span counts in both modes, overlap only in lenient, disjoint in neither',
      gold: [entity('person', 0, 10), entity('place', 20, 27), entity('organization', 40, 50)],
      predicted: [mention('person', 0, 10), mention('place', 20, 25), mention('organization', 55, 60)],
      strict: [1, 2, 2, 0],
      lenient: [2, 1, 1, 0],
      byType: {
        person: [
          [1, 0, 0, 0],
          [1, 0, 0, 0],
        ],
        place: [
          [0, 1, 1, 0],
          [1, 0, 0, 0],
        ],
        organization: [
          [0, 1, 1, 0],
          [0, 1, 1, 0],
        ],
      },
    },
    {
      name: 'a different type never matches, even on an identical span',
      gold: [entity('person', 0, 5)],
      predicted: [mention('place', 0, 5)],
      strict: [0, 1, 1, 0],
      lenient: [0, 1, 1, 0],
      byType: {
        person: [
          [0, 0, 1, 0],
          [0, 0, 1, 0],
        ],
        place: [
          [0, 1, 0, 0],
          [0, 1, 0, 0],
        ],
      },
    },
    {
      name: 'a duplicated prediction matches once; the copy is a false positive',
      gold: [entity('person', 0, 10)],
      predicted: [mention('person', 0, 10), mention('person', 0, 10)],
      strict: [1, 1, 0, 0],
      lenient: [1, 1, 0, 0],
    },
    {
      name: 'one wide prediction over two gold items matches only one of them',
      gold: [entity('place', 0, 5), entity('place', 6, 10)],
      predicted: [mention('place', 0, 10)],
      strict: [0, 1, 2, 0],
      lenient: [1, 0, 1, 0],
    },
    {
      name: 'an exact match is kept even when the prediction also overlaps another item',
      gold: [entity('person', 0, 4), entity('person', 0, 10)],
      predicted: [mention('person', 0, 4), mention('person', 2, 10)],
      strict: [1, 1, 1, 0],
      lenient: [2, 0, 0, 0],
    },
    {
      name: 'optional items: a match or an overlap is ignored, a miss is not a false negative',
      gold: [entity('person', 0, 5), entity('person', 10, 15, true), entity('person', 20, 25, true), entity('person', 30, 35, true)],
      predicted: [mention('person', 0, 5), mention('person', 10, 15), mention('person', 21, 23)],
      strict: [1, 0, 0, 2],
      lenient: [1, 0, 0, 2],
    },
    {
      name: 'on an equal overlap a required item is preferred to an optional one',
      gold: [entity('person', 10, 20, true), entity('person', 0, 10)],
      predicted: [mention('person', 5, 15)],
      strict: [0, 0, 1, 1],
      lenient: [1, 0, 0, 0],
    },
    {
      name: 'a prediction overlapping an optional item of another type is ignored in the table, a false positive of its type',
      gold: [entity('person', 10, 15, true)],
      predicted: [mention('place', 10, 15)],
      strict: [0, 0, 0, 1],
      lenient: [0, 0, 0, 1],
      byType: {
        person: [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        place: [
          [0, 1, 0, 0],
          [0, 1, 0, 0],
        ],
      },
    },
    {
      name: 'each gold item in order takes the first overlapping prediction, not the largest overlap',
      gold: [entity('place', 0, 10), entity('place', 8, 20)],
      predicted: [mention('place', 8, 12), mention('place', 0, 9)],
      strict: [0, 2, 2, 0],
      lenient: [2, 0, 0, 0],
    },
    {
      name: 'taking the first overlap can leave a later gold item without the prediction it overlaps most',
      gold: [entity('place', 0, 10), entity('place', 10, 20)],
      predicted: [mention('place', 8, 18), mention('place', 0, 4)],
      strict: [0, 2, 2, 0],
      lenient: [1, 1, 1, 0],
    },
    {
      name: 'required items choose before optional ones, whatever the order in the file',
      gold: [entity('person', 0, 10, true), entity('person', 5, 15)],
      predicted: [mention('person', 0, 10)],
      strict: [0, 0, 1, 1],
      lenient: [1, 0, 0, 0],
    },
    {
      name: 'a misc item is optional: missing it costs nothing, a mention on it or overlapping it is ignored in the table',
      gold: [entity('person', 0, 5), entity('misc', 10, 20, true), entity('misc', 30, 40, true), entity('misc', 50, 60, true)],
      predicted: [mention('person', 0, 5), mention('place', 10, 20), mention('organization', 32, 36)],
      strict: [1, 0, 0, 2],
      lenient: [1, 0, 0, 2],
      // Misc items are in no type row, so there the mentions are false positives.
      byType: {
        person: [
          [1, 0, 0, 0],
          [1, 0, 0, 0],
        ],
        place: [
          [0, 1, 0, 0],
          [0, 1, 0, 0],
        ],
        organization: [
          [0, 1, 0, 0],
          [0, 1, 0, 0],
        ],
      },
    },
    {
      name: 'a misc item without the optional flag is optional all the same',
      gold: [entity('misc', 0, 10)],
      predicted: [mention('person', 2, 8)],
      strict: [0, 0, 0, 1],
      lenient: [0, 0, 0, 1],
      byType: {
        person: [
          [0, 1, 0, 0],
          [0, 1, 0, 0],
        ],
      },
    },
    {
      name: 'a misc item absorbs a mention only where it overlaps; a required item of the type still takes its match first',
      gold: [entity('misc', 0, 12, true), entity('place', 0, 7)],
      predicted: [mention('place', 0, 7), mention('place', 8, 12), mention('place', 12, 20)],
      strict: [1, 1, 0, 1],
      lenient: [1, 1, 0, 1],
      byType: {
        place: [
          [1, 2, 0, 0],
          [1, 2, 0, 0],
        ],
      },
    },
    {
      name: 'an unknown predicted type is a false positive of the table but of no type row',
      gold: [entity('person', 0, 5)],
      predicted: [mention('event', 0, 5)],
      strict: [0, 1, 1, 0],
      lenient: [0, 1, 1, 0],
      byType: {
        person: [
          [0, 0, 1, 0],
          [0, 0, 1, 0],
        ],
        place: [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
      },
    },
  ];

  it.each(cases)('$name', ({ gold, predicted, strict, lenient, byType }) => {
    const report = scoreDataset(predictionTables({ mentions: predicted }), [goldDocument({ doc_id: 'doc', entities: gold })]);
    expect(countsOf(report.entities.overall.strict)).toEqual(strict);
    expect(countsOf(report.entities.overall.lenient)).toEqual(lenient);
    for (const [type, [expectedStrict, expectedLenient]] of Object.entries(byType ?? {})) {
      // Object.entries loses the key type; the keys are those of `byType`.
      const scores: MatchScores = report.entities.byType[type as EntityType];
      expect(countsOf(scores.strict), `${type} strict`).toEqual(expectedStrict);
      expect(countsOf(scores.lenient), `${type} lenient`).toEqual(expectedLenient);
    }
  });

  it('computes precision, recall and F1 from the counts', () => {
    const report = scoreDataset(predictionTables({ mentions: [mention('person', 0, 10), mention('place', 20, 25), mention('place', 50, 55)] }), [
      goldDocument({ doc_id: 'doc', entities: [entity('person', 0, 10), entity('place', 20, 27)] }),
    ]);
    // strict: tp 1, fp 2, fn 1. lenient: tp 2, fp 1, fn 0.
    expect(report.entities.overall.strict).toMatchObject({ precision: 1 / 3, recall: 1 / 2, f1: 0.4 });
    expect(report.entities.overall.lenient).toMatchObject({ precision: 2 / 3, recall: 1, f1: 0.8 });
  });

  it('reports null ratios when there is nothing to count, and 0 F1 when only one side is empty', () => {
    const report = scoreDataset(predictionTables({ mentions: [mention('place', 0, 5)] }), [
      goldDocument({ doc_id: 'doc', entities: [entity('person', 10, 15, true), entity('organization', 20, 25)] }),
    ]);
    expect(report.entities.byType.person.strict).toMatchObject({ precision: null, recall: null, f1: null });
    expect(report.entities.byType.place.strict).toMatchObject({ precision: 0, recall: null, f1: 0 });
    expect(report.entities.byType.organization.strict).toMatchObject({ precision: null, recall: 0, f1: 0 });
  });
});

describe('scoreDataset: claims', () => {
  const gold = [
    goldDocument({
      doc_id: 'doc',
      claims: [
        { kind: 'quote', start: 0, end: 20, text: 'q', speaker: 'Ms. Li', speaker_alternatives: ['Li Dayong'] },
        { kind: 'reported', start: 30, end: 50, text: 'r', speaker: 'a police officer' },
        { kind: 'figure', start: 60, end: 80, text: 'f', speaker: null },
        { kind: 'figure', start: 90, end: 100, text: 'f', speaker: null, speaker_alternatives: ['A report'] },
        { kind: 'quote', start: 110, end: 120, text: 'q', speaker: 'Gao' },
      ],
    }),
  ];

  it('matches quote with reported, figure only with figure, and scores kind groups', () => {
    const report = scoreDataset(
      predictionTables({
        claims: [
          { doc_id: 'doc', kind: 'reported', start: 0, end: 20, speaker: 'Li Dayong' },
          { doc_id: 'doc', kind: 'quote', start: 30, end: 50, speaker: 'The Police Officer' },
          { doc_id: 'doc', kind: 'quote', start: 60, end: 80, speaker: null },
          { doc_id: 'doc', kind: 'figure', start: 90, end: 100, speaker: 'a report' },
          { doc_id: 'doc', kind: 'quote', start: 112, end: 120, speaker: 'Mr. Gao' },
        ],
      }),
      gold,
    );
    expect(countsOf(report.claims.overall.strict)).toEqual([3, 2, 2, 0]);
    expect(countsOf(report.claims.overall.lenient)).toEqual([4, 1, 1, 0]);
    expect(countsOf(report.claims.byKindGroup.quoteOrReported.strict)).toEqual([2, 2, 1, 0]);
    expect(countsOf(report.claims.byKindGroup.quoteOrReported.lenient)).toEqual([3, 1, 0, 0]);
    expect(countsOf(report.claims.byKindGroup.figure.strict)).toEqual([1, 0, 1, 0]);
    expect(countsOf(report.claims.byKindGroup.figure.lenient)).toEqual([1, 0, 1, 0]);
    // Every matched quote or reported speaker is right after normalisation:
    // an alternative, case and article, an honorific. The figure claims'
    // speakers are not judged.
    expect(report.claims.speaker.strict).toEqual({ correct: 2, total: 2, accuracy: 1 });
    expect(report.claims.speaker.lenient).toEqual({ correct: 3, total: 3, accuracy: 1 });
    expect(report.claims.speakerLoose.strict).toEqual({ correct: 2, total: 2, accuracy: 1 });
    expect(report.claims.speakerLoose.lenient).toEqual({ correct: 3, total: 3, accuracy: 1 });
  });

  it('counts wrong speakers and a missing speaker, and leaves the figure claims out', () => {
    const report = scoreDataset(
      predictionTables({
        claims: [
          { doc_id: 'doc', kind: 'quote', start: 0, end: 20, speaker: 'Ms. Wang' },
          { doc_id: 'doc', kind: 'reported', start: 30, end: 50, speaker: null },
          { doc_id: 'doc', kind: 'figure', start: 60, end: 80, speaker: 'Minghui' },
          { doc_id: 'doc', kind: 'figure', start: 90, end: 100, speaker: '' },
          { doc_id: 'doc', kind: 'quote', start: 110, end: 120, speaker: 'GAO' },
        ],
      }),
      gold,
    );
    expect(report.claims.speaker.strict).toEqual({ correct: 1, total: 3, accuracy: 1 / 3 });
    expect(report.claims.speakerLoose.strict).toEqual({ correct: 1, total: 3, accuracy: 1 / 3 });
  });

  it.each([
    // exact and loose: [right, judged] over the strict and over the lenient matches
    { gold: 'he', alternatives: [], scored: false, predicted: 'Barack Obama', exact: [0, 0], loose: [0, 0] },
    { gold: 'Obama', alternatives: [], scored: false, predicted: 'Obama', exact: [0, 0], loose: [0, 0] },
    { gold: 'Obama', alternatives: [], scored: true, predicted: 'Obama', exact: [1, 1], loose: [1, 1] },
    { gold: 'Donald Trump', alternatives: [], scored: undefined, predicted: 'Trump', exact: [0, 1], loose: [1, 1] },
    { gold: 'Debra Steger', alternatives: [], scored: undefined, predicted: 'Steger, now a professor at X', exact: [0, 1], loose: [1, 1] },
    { gold: 'Obama', alternatives: [], scored: undefined, predicted: 'President Obama', exact: [0, 1], loose: [1, 1] },
    { gold: 'Senator Smith', alternatives: [], scored: undefined, predicted: 'Senator Jones', exact: [0, 1], loose: [0, 1] },
    { gold: 'Ms. Li', alternatives: ['Li Dayong'], scored: undefined, predicted: 'Dayong', exact: [0, 1], loose: [1, 1] },
    { gold: 'Li Dayong', alternatives: [], scored: undefined, predicted: 'Li Dayong.', exact: [1, 1], loose: [1, 1] },
    // A null prediction for a null gold speaker is right, but never a loose match (as in the reference scorer).
    { gold: null, alternatives: [], scored: undefined, predicted: null, exact: [1, 1], loose: [0, 1] },
  ])(
    'judges the speaker $predicted against $gold (speaker_scored $scored): exact $exact, loose $loose',
    ({ gold, alternatives, scored, predicted, exact, loose }) => {
      const report = scoreDataset(predictionTables({ claims: [{ doc_id: 'doc', kind: 'quote', start: 0, end: 10, speaker: predicted }] }), [
        goldDocument({
          doc_id: 'doc',
          claims: [
            {
              kind: 'quote',
              start: 0,
              end: 10,
              text: 'q',
              speaker: gold,
              speaker_alternatives: alternatives,
              ...(scored === undefined ? {} : { speaker_scored: scored }),
            },
          ],
        }),
      ]);
      // The claim itself is scored either way.
      expect(countsOf(report.claims.overall.strict)).toEqual([1, 0, 0, 0]);
      for (const mode of ['strict', 'lenient'] as const) {
        expect([report.claims.speaker[mode].correct, report.claims.speaker[mode].total]).toEqual(exact);
        expect([report.claims.speakerLoose[mode].correct, report.claims.speakerLoose[mode].total]).toEqual(loose);
      }
    },
  );

  it('scores only the claim kinds a gold file lists in claim_kinds_scored', () => {
    const predicted: ClaimPrediction[] = [
      { doc_id: 'listed', kind: 'quote', start: 0, end: 10, speaker: null },
      { doc_id: 'listed', kind: 'figure', start: 20, end: 30, speaker: null },
      { doc_id: 'listed', kind: 'reported', start: 40, end: 50, speaker: null },
      { doc_id: 'all-kinds', kind: 'figure', start: 20, end: 30, speaker: null },
    ];
    const report = scoreDataset(predictionTables({ claims: predicted }), [
      goldDocument({
        doc_id: 'listed',
        claim_kinds_scored: ['quote', 'reported'],
        claims: [{ kind: 'quote', start: 0, end: 10, text: 'q', speaker: null }],
      }),
      goldDocument({ doc_id: 'all-kinds', claims: [] }),
    ]);
    // listed: the quote matches, the figure claim is left out, the reported claim is a false positive;
    // all-kinds: the figure claim is a false positive.
    expect(countsOf(report.claims.overall.strict)).toEqual([1, 2, 0, 0]);
    expect(countsOf(report.claims.byKindGroup.figure.strict)).toEqual([0, 1, 0, 0]);
  });
});

describe('scoreDataset: attribute accuracy', () => {
  it('scores figure value (exactly), item, qualifier and kind on required matched pairs', () => {
    const report = scoreDataset(
      predictionTables({
        figures: [
          // strict match, everything right ("the" and case ignored in item)
          { doc_id: 'doc', start: 0, end: 5, value: 12, item: 'the policemen', qualifier: 'exact', kind: 'count' },
          // lenient-only match: wrong value and qualifier; item right despite spacing
          {
            doc_id: 'doc',
            start: 10,
            end: 18,
            value: 1.5e9,
            item: ' Chinese\u00a0 people ',
            qualifier: 'approximately',
            kind: 'count',
          },
          // strict match: value off by a rounding error, so wrong; item and kind wrong
          { doc_id: 'doc', start: 30, end: 35, value: 0.1 + 0.2, item: 'hours', qualifier: 'approximately', kind: 'count' },
          // on an optional item: wrong everywhere, but not judged
          { doc_id: 'doc', start: 40, end: 45, value: 99, item: 'x', qualifier: 'x', kind: 'x' },
        ],
      }),
      [
        goldDocument({
          doc_id: 'doc',
          figures: [
            { start: 0, end: 5, text: 'a dozen', value: 12, qualifier: 'exact', kind: 'count', item: 'Policemen' },
            { start: 10, end: 20, text: '1.4 billion', value: 1.4e9, qualifier: 'exact', kind: 'count', item: 'Chinese people' },
            { start: 30, end: 35, text: 'about 0.3', value: 0.3, qualifier: 'approximately', kind: 'measure', item: null },
            { start: 40, end: 45, text: '22nd', value: 22, qualifier: 'exact', kind: 'ordinal', item: 'year', optional: true },
          ],
        }),
      ],
    );
    expect(countsOf(report.figures.overall.strict)).toEqual([2, 1, 1, 1]);
    expect(countsOf(report.figures.overall.lenient)).toEqual([3, 0, 0, 1]);
    const accuracies = (name: 'value' | 'item' | 'qualifier' | 'kind') => [
      report.figures[name].strict.correct,
      report.figures[name].strict.total,
      report.figures[name].lenient.correct,
      report.figures[name].lenient.total,
    ];
    expect(accuracies('value')).toEqual([1, 2, 1, 3]);
    expect(accuracies('item')).toEqual([1, 2, 2, 3]);
    expect(accuracies('qualifier')).toEqual([2, 2, 2, 3]);
    expect(accuracies('kind')).toEqual([1, 2, 2, 3]);
    expect(report.figures.value.lenient.accuracy).toBe(1 / 3);
  });

  it.each([
    { name: 'equal values', gold: [12, null], predicted: [12, null], right: true },
    { name: 'a missing value_max is null', gold: [12, undefined], predicted: [12, null], right: true },
    { name: 'equal ranges', gold: [10, 20], predicted: [10, 20], right: true },
    { name: 'a range for a single value', gold: [10, null], predicted: [10, 20], right: false },
    { name: 'another upper bound', gold: [10, 20], predicted: [10, 30], right: false },
    { name: 'a rounding error', gold: [0.3, null], predicted: [0.1 + 0.2, null], right: false },
  ])('judges a figure value right only when value and value_max are equal: $name', ({ gold, predicted, right }) => {
    const [value, valueMax] = gold;
    const [predictedValue, predictedMax] = predicted;
    const report = scoreDataset(predictionTables({ figures: [{ doc_id: 'doc', start: 0, end: 5, value: predictedValue, value_max: predictedMax }] }), [
      goldDocument({ doc_id: 'doc', figures: [{ start: 0, end: 5, text: 'x', value: value ?? 0, value_max: valueMax }] }),
    ]);
    expect(report.figures.value.strict).toEqual({ correct: right ? 1 : 0, total: 1, accuracy: right ? 1 : 0 });
  });

  it('lets an earlier overlapping gold item take a prediction identical to a later one, as the reference scorer does', () => {
    const report = scoreDataset(predictionTables({ dates: [{ doc_id: 'doc', start: 0, end: 4, value: '2016' }] }), [
      goldDocument({
        doc_id: 'doc',
        dates: [
          { start: 0, end: 10, text: '2015 and 2016', value: '2015/2016' },
          { start: 0, end: 4, text: '2016', value: '2016' },
        ],
      }),
    ]);
    // Strict: only the identical item matches. Lenient: the wider item comes
    // first in the file and takes the prediction, and its value differs.
    expect(countsOf(report.dates.overall.strict)).toEqual([1, 0, 1, 0]);
    expect(report.dates.value.strict).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(countsOf(report.dates.overall.lenient)).toEqual([1, 0, 1, 0]);
    expect(report.dates.value.lenient).toEqual({ correct: 0, total: 1, accuracy: 0 });
  });

  it('matches each gold date to the first overlapping prediction and scores the date value of that pair', () => {
    const report = scoreDataset(
      predictionTables({
        dates: [
          { doc_id: 'doc', start: 0, end: 15, value: '2016-01-07' },
          { doc_id: 'doc', start: 28, end: 40, value: '2002' },
          { doc_id: 'doc', start: 50, end: 58, value: '2015-08-01' },
        ],
      }),
      [
        goldDocument({
          doc_id: 'doc',
          dates: [
            { start: 0, end: 15, text: 'January 7, 2016', value: '2016-01-07' },
            { start: 20, end: 30, text: '2001', value: '2001' },
            { start: 32, end: 50, text: '2002', value: '2002' },
            { start: 50, end: 61, text: 'last August', value: '2015-08' },
          ],
        }),
      ],
    );
    // Lenient: "2001" takes the prediction at 28-40 (valued 2002), which
    // leaves "2002" at 32-50 with none.
    expect(countsOf(report.dates.overall.strict)).toEqual([1, 2, 3, 0]);
    expect(countsOf(report.dates.overall.lenient)).toEqual([3, 0, 1, 0]);
    expect(report.dates.value.strict).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(report.dates.value.lenient).toEqual({ correct: 1, total: 3, accuracy: 1 / 3 });
  });
});

describe('scoreDataset: which documents and tables are scored', () => {
  const gold = [
    goldDocument({
      doc_id: 'with-dates',
      entities: [entity('person', 0, 5)],
      dates: [{ start: 10, end: 14, text: '1996', value: '1996' }],
    }),
    goldDocument({ doc_id: 'entities-only', entities: [entity('place', 0, 5)] }),
  ];
  const predictions = predictionTables({
    mentions: [mention('person', 0, 5, 'with-dates'), mention('place', 0, 5, 'entities-only'), mention('person', 0, 5, 'no-gold')],
    dates: [
      { doc_id: 'with-dates', start: 10, end: 14, value: '1996' },
      { doc_id: 'entities-only', start: 20, end: 24, value: '2001' },
      { doc_id: 'no-gold', start: 0, end: 4, value: '2001' },
    ],
    claims: [{ doc_id: 'no-gold', kind: 'quote', start: 0, end: 10, speaker: null }],
  });
  const report: EvalReport = scoreDataset(predictions, gold);

  it('ignores predictions for documents without gold', () => {
    expect(countsOf(report.entities.overall.strict)).toEqual([2, 0, 0, 0]);
    expect(countsOf(report.claims.overall.strict)).toEqual([0, 0, 0, 0]);
  });

  it('scores a table only in gold files that have its key', () => {
    expect(report.documents).toBe(2);
    expect(report.entities.documents).toBe(2);
    expect(report.dates.documents).toBe(1);
    expect(report.figures.documents).toBe(0);
    expect(countsOf(report.dates.overall.strict)).toEqual([1, 0, 0, 0]);
    expect(report.figures.overall.strict.f1).toBeNull();
  });

  it('breaks F1 down per document and table, null where the table is not annotated', () => {
    expect(report.perDocument.map((document) => document.docId)).toEqual(['with-dates', 'entities-only']);
    const [withDates, entitiesOnly] = report.perDocument;
    expect(withDates?.entities?.strict.f1).toBe(1);
    expect(withDates?.dates?.lenient.f1).toBe(1);
    expect(withDates?.claims).toBeNull();
    expect(entitiesOnly?.entities?.strict.f1).toBe(1);
    expect(entitiesOnly?.dates).toBeNull();
  });

  it('refuses two gold documents with the same doc_id', () => {
    const duplicate = goldDocument({ doc_id: 'with-dates', entities: [] });
    expect(() => scoreDataset(predictions, [...gold, duplicate])).toThrow('Duplicate gold doc_id "with-dates"');
  });
});
