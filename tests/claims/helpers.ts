import { createDocument, type PipelineDocument } from '../../src/document.ts';
import { analyzePassage } from '../../src/text/analysis.ts';
import type { TokenContext } from '../../src/claims/subjects.ts';

/** A document built by hand: one passage per paragraph (blank-line separated), analysed once, nothing else extracted. */
export function documentOf(text: string): PipelineDocument {
  const document = createDocument({ id: 'test', source: 'test.txt', format: 'txt', sha256: '', text });
  for (const match of text.matchAll(/[^\n]+/gu)) {
    const index = document.passages.length;
    document.passages.push({ start: match.index, end: match.index + match[0].length, index, isHeading: false, heading: null });
    document.analyses.push(analyzePassage(match[0], match.index));
  }
  return document;
}

/** The token context of a one-paragraph text, as the claim rules read it. */
export function contextOf(text: string): TokenContext {
  const analysis = analyzePassage(text, 0);
  const sentenceFirst: number[] = [];
  analysis.tokens.forEach((token, index) => {
    if (sentenceFirst[token.sentence] === undefined) sentenceFirst[token.sentence] = index;
  });
  return { text, tokens: analysis.tokens, sentenceFirst };
}

/** The paragraphs of a text as spans (one per line). */
export function paragraphsOf(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/[^\n]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
