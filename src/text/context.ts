/**
 * How far back the words before a match are read (characters). The patterns
 * that read them are anchored at their end ("between $", "minus $"), and a
 * regular expression tries such a pattern from every position of what it
 * is given: handing it the whole passage before each number made figure
 * finding quadratic in the passage length. What they look for sits within a
 * few words of the match.
 */
export const CONTEXT_BEFORE = 200;

/** The text just before `index` (at most CONTEXT_BEFORE characters), for patterns anchored at its end. */
export function textBefore(text: string, index: number): string {
  return text.slice(Math.max(0, index - CONTEXT_BEFORE), index);
}
