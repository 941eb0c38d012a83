import { inspectJson, MAX_JSON_DEPTH, textFault } from './body-inspection';

const nest = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('inspectJson', () => {
  it('lets the documented depth through and refuses one level more', () => {
    expect(inspectJson(nest(MAX_JSON_DEPTH))).toBeNull();
    expect(inspectJson(nest(MAX_JSON_DEPTH + 1))).toEqual({ kind: 'too-deep' });
  });

  it('walks a million levels without overflowing its own stack', () => {
    expect(inspectJson(nest(1_000_000))).toEqual({ kind: 'too-deep' });
  });

  it('names the field of a bad string with a dotted path', () => {
    expect(inspectJson({ personal: { email: 'a\u0000b' }, items: ['ok', '\ud800'] })).toEqual({
      kind: 'text',
      errors: [
        { field: 'personal.email', reason: 'personal.email must not hold control characters or line breaks' },
        { field: 'items.1', reason: 'items.1 must be well-formed Unicode text (it holds a lone surrogate)' },
      ],
    });
  });

  it('refuses keys that name the prototype machinery', () => {
    const body = JSON.parse('{"x":{"constructor":1},"__proto__":{"a":1}}');
    const fault = inspectJson(body);
    expect(fault?.kind === 'text' && fault.errors.map((e) => e.field).sort()).toEqual(['__proto__', 'x.constructor']);
  });

  it('passes ordinary bodies, numbers, booleans and nulls', () => {
    expect(inspectJson({ a: 1, b: true, c: null, d: 'Örebro – 🌲', e: [] })).toBeNull();
    expect(inspectJson(undefined)).toBeNull();
  });
});

describe('textFault', () => {
  it.each(['\u0000', '\u0007', '\u001b', '\u007f', '\u0080', '\u009f', '\n', '\t', '\r'])('refuses %j on a single line', (control) => {
    expect(textFault(`a${control}b`, false)).toMatch(/control characters/);
  });

  it.each(['\n', '\t', '\r\n'])('takes %j in multi-line text', (breaks) => {
    expect(textFault(`a${breaks}b`, true)).toBeNull();
  });

  it('refuses the other controls in multi-line text', () => {
    expect(textFault('a\u0000b', true)).toMatch(/other than tab and line breaks/);
  });

  it('tells a lone surrogate from a pair', () => {
    expect(textFault('🌲', false)).toBeNull();
    expect(textFault('\ud83c', false)).toMatch(/Unicode/);
    expect(textFault('\udf32x', false)).toMatch(/Unicode/);
  });
});
