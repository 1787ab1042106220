import { describe, expect, it } from 'vitest';
import { tuneEngine } from '../../src/cli/engine-tuning.ts';

// V8's flags are set only on the V8 they were measured on (Node 20's V8 11); a later V8 is left as it is, and no
// flag it may not know is passed to it. (Setting them is not tested here: it would change this test process's engine.)
describe('tuneEngine', () => {
  it('leaves a V8 other than 11 alone', () => {
    expect(tuneEngine('12.4.254.21-node.33')).toBe(false);
    expect(tuneEngine('13.6.233.10-node.28')).toBe(false);
    expect(tuneEngine('10.2.154.26-node.36')).toBe(false);
  });
});
