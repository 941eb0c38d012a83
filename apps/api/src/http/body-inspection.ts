import { FieldError } from './problem';

/**
 * How deeply a request's JSON may nest. Pathway's deepest body (an enrolment's `profile`) is two
 * levels; the rest is headroom. Beyond it the request is refused before any recursive code
 * (class-transformer, class-validator, the framework's prototype-key stripping) runs: about
 * 1,300 levels in a 2.7 KB body overflowed the stack there (issue 14 §1).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Fields where a person may legitimately type several lines: tab, line feed and carriage return
 * are allowed there and nowhere else. Named by the last segment of the field path.
 */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['notes', 'address', 'reason']);

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return pass. */
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Keys that name an object's machinery, not a field. The framework's validation strips them
 * silently; refusing them instead keeps "unknown fields are refused" true for every body.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many field errors in one answer: enough to fix a form, too few to be an amplifier. */
const MAX_ERRORS = 20;

export type BodyFault = { kind: 'too-deep' } | { kind: 'text'; errors: FieldError[] };

/**
 * Walks a parsed JSON value (body or query) without recursion, so its own stack cannot overflow,
 * and finds what no field may hold: nesting deeper than `MAX_JSON_DEPTH` (the root object is
 * level 1), a key such as `__proto__` or `constructor`, or a string with a lone surrogate (text that is not Unicode; validators throw on it)
 * or control characters (C0, DEL, C1; tab and line breaks only in `MULTI_LINE_FIELDS`). NUL in
 * particular cannot be stored in PostgreSQL text and once stopped its projector (issue 14 §4).
 * Returns null when the value is fine; field paths are dotted (`personal.email`, `items.0`).
 */
export function inspectJson(value: unknown): BodyFault | null {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const reason = textFault(current, MULTI_LINE_FIELDS.has(path.slice(path.lastIndexOf('.') + 1)));
      if (reason && errors.length < MAX_ERRORS) errors.push({ field: path || 'body', reason: `${path || 'body'} ${reason}` });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > MAX_JSON_DEPTH) return { kind: 'too-deep' };
    const entries = Array.isArray(current) ? current.map((item, index) => [String(index), item] as const) : Object.entries(current);
    for (const [key, item] of entries) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key) && !Array.isArray(current) && errors.length < MAX_ERRORS) errors.push({ field, reason: `property ${field} should not exist` });
      else pending.push({ value: item, path: field, depth: depth + 1 });
    }
  }
  return errors.length > 0 ? { kind: 'text', errors: errors.reverse() } : null;
}

/** Why a string is not acceptable text, or null if it is. */
export function textFault(text: string, multiLine: boolean): string | null {
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text (it holds a lone surrogate)';
  if ((multiLine ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text)) {
    return multiLine ? 'must not hold control characters other than tab and line breaks' : 'must not hold control characters or line breaks';
  }
  return null;
}
