import { parseIfMatch } from './etag';
import { EdgeRefusal, RequestValidationError } from './problem';

describe('parseIfMatch (RFC 9110 §13.1.1, strong comparison)', () => {
  it('reads one strong tag as the stream version', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch(' "12" ')).toBe(12);
  });

  it('reads * and an absent header as no version check', () => {
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('answers a weak tag with 412 PRECONDITION.WEAK_ETAG', () => {
    expect(() => parseIfMatch('W/"2"')).toThrow(expect.objectContaining({ status: 412, code: 'PRECONDITION.WEAK_ETAG' }));
    expect(() => parseIfMatch('W/"2"')).toThrow(EdgeRefusal);
  });

  it.each(['3', '"1", "2"', '"abc"', '', 'W/3', '"1'])('refuses %j with 400', (value) => {
    expect(() => parseIfMatch(value)).toThrow(RequestValidationError);
  });
});
