import { hash } from 'node:crypto';

/** Pathway's namespace for name-based ids (RFC 9562 version 5). */
const NAMESPACE = Buffer.from('6f1c2a7e8d3b4f0a9c5e1d2b3a4f5e6d', 'hex');
/** The variant digit (RFC 9562 section 4.1: binary 10xx) for each hex digit the hash gives there. */
const VARIANT = '89ab89ab89ab89ab';
/** Namespace then name, reused: hashing is synchronous, so no two calls share it at once. */
let scratch = Buffer.alloc(256);
NAMESPACE.copy(scratch);

/**
 * The same name always gives the same UUID: how a repeated Idempotency-Key finds its first result.
 * Version 5: SHA-1 of the namespace and the UTF-8 name, its first 16 bytes with the version and
 * variant bits set. Made with the one-shot `crypto.hash` into hex, the bits set on the digits: the
 * demo makes two per command, and a `Hash` object and `Buffer`s per id cost it 8% of its time.
 */
export function nameBasedUuid(name: string): string {
  const length = NAMESPACE.length + Buffer.byteLength(name);
  if (length > scratch.length) {
    scratch = Buffer.alloc(2 * length);
    NAMESPACE.copy(scratch);
  }
  scratch.write(name, NAMESPACE.length);
  const hex = hash('sha1', scratch.subarray(0, length), 'hex');
  // Byte 6's high nibble becomes 5 (the version); byte 8's top two bits become 10 (the variant).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${VARIANT[parseInt(hex[16]!, 16)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
