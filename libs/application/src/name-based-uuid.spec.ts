import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { nameBasedUuid } from './name-based-uuid';

/** RFC 9562 version 5 spelled out step by step with a `Hash` object: the ids every stored log holds. */
function reference(name: string): string {
  const bytes = createHash('sha1').update(Buffer.from('6f1c2a7e8d3b4f0a9c5e1d2b3a4f5e6d', 'hex')).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('nameBasedUuid', () => {
  it('gives the ids logs already hold (demo event ids, a non-ASCII name, one longer than its buffer)', () => {
    expect(nameBasedUuid('demo/1/22-015-S01-p1/0')).toBe('3a51aa11-f802-54f4-8c91-c99166d724b0');
    expect(nameBasedUuid('Ärende/å✓')).toBe('78b2b658-351b-56f5-8cb2-f14e84e6e82c');
    expect(nameBasedUuid('x'.repeat(300))).toBe('8b4e3457-b31f-5f1f-9e61-2e1add60fce5');
  });

  it('equals RFC 9562 version 5 made step by step, for any name', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => nameBasedUuid(name) === reference(name)), { numRuns: 2000 });
  });
});
