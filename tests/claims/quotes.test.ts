import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/claims/quotes.ts';
import { paragraphsOf } from './helpers.ts';

const quoted = (text: string): string[] => findQuotations(text, paragraphsOf(text)).map((quotation) => text.slice(quotation.start, quotation.end));

describe('findQuotations', () => {
  it.each([
    ['curly marks', '“We will rebuild,” the mayor said.', ['We will rebuild,']],
    ['straight marks', 'He said: "The talks failed."', ['The talks failed.']],
    ['a quote split by its attribution is two quotes', '“Prices will rise,” she said, “and wages will not.”', ['Prices will rise,', 'and wages will not.']],
    ['a straight mark closed by a curly one', '"Ever since then, I knew,” he explained.', ['Ever since then, I knew,']],
    [
      'a closing curly mark typed where a quotation opens',
      '”Mr. Trump embodies the legacy of racism.” ― Sonya Herridge',
      ['Mr. Trump embodies the legacy of racism.'],
    ],
    [
      'an opening curly mark typed where a quotation closes',
      '“That could create real problems for her here,“ said Jim Clyburn.',
      ['That could create real problems for her here,'],
    ],
    ['apostrophes inside words are not marks', '“I’m sure it’s over,” he said.', ['I’m sure it’s over,']],
    ['single marks nest inside double ones', '“They told us, ‘Leave now,’ and we left,” she said.', ['They told us, ‘Leave now,’ and we left,']],
    ['a plural possessive inside a quote is not a mark', '“The officers’ cars were new,” he said.', ['The officers’ cars were new,']],
    ['British single quotes closed in the paragraph', '‘We are ready,’ the minister said.', ['We are ready,']],
    ['elisions in straight single marks are no quote', "In the '90s the firm's rock 'n' roll days ended.", []],
    [
      'straight single marks in a paragraph without double marks',
      "'There's no hiding from it,' Stokes said. 'We lost.'",
      ["There's no hiding from it,", 'We lost.'],
    ],
    ['a straight single mark next to double marks nests or elides', `"They gave 'em hell," he said.`, ["They gave 'em hell,"]],
    ['a straight single mark before a digit is an elided century', "He played in the '80s and 'we loved it,' he said.", ['we loved it,']],
    ['an elision then a straight single quote', "They'd give 'em hell. 'We will win,' he said.", ['We will win,']],
    [
      'a second opening mark ends an unclosed quote',
      '“I urge everyone to listen said, Mrs. Hong. “They are right.”',
      ['I urge everyone to listen said, Mrs. Hong.', 'They are right.'],
    ],
    ['an unclosed quote ends with its paragraph', '“This never closes\nThe next paragraph is narrative.', ['This never closes']],
    ['a stray closing mark is ignored', 'Prices rose” sharply, he said.', []],
  ])('%s', (_name, text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it.each([
    [
      'continued by a paragraph that opens with a mark',
      '“The first part of the speech.\n“The second part,” he said.',
      [
        [0, false],
        [1, true],
      ],
    ],
    ['not continued by a narrative paragraph', '“The first part of the speech.\nHe left the room.', [[0, false]]],
  ])('a quote running across paragraphs: %s', (_name, text, expected) => {
    expect(findQuotations(text, paragraphsOf(text)).map((quotation) => [quotation.passageIndex, quotation.continued])).toEqual(expected);
  });

  it('records nested quotations, unclosed ones ending with their outer quote', () => {
    const text = 'Li said, "We tell them, \'Quit now. You have a way out."';
    const [quotation] = findQuotations(text, paragraphsOf(text));
    expect(quotation?.nested.map((span) => text.slice(span.start, span.end))).toEqual(['Quit now. You have a way out.']);
  });

  it('is linear on a 100,000-character paragraph of unbalanced marks', () => {
    const text = 'He said “this and that '.repeat(5000);
    const started = performance.now();
    const quotations = findQuotations(text, paragraphsOf(text));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(quotations.length).toBe(5000);
  });
});
