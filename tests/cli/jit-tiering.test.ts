import { describe, expect, it } from 'vitest';
import { tuneJitTiering } from '../../src/cli/jit-tiering.ts';

// The interrupt budget is set only on the V8 it was measured on (Node 20's V8 11); a later V8 is left as it is, and
// no flag it may not know is passed to it. (Setting it is not tested here: it would change this test process's engine.)
describe('tuneJitTiering', () => {
  it('leaves a V8 other than 11 alone', () => {
    expect(tuneJitTiering('12.4.254.21-node.33')).toBe(false);
    expect(tuneJitTiering('13.6.233.10-node.28')).toBe(false);
    expect(tuneJitTiering('10.2.154.26-node.36')).toBe(false);
  });
});
