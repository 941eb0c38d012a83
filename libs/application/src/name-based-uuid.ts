import { createHash } from 'node:crypto';

/** Pathway's namespace for name-based ids (RFC 9562 version 5). */
const NAMESPACE = Buffer.from('6f1c2a7e8d3b4f0a9c5e1d2b3a4f5e6d', 'hex');

/** The same name always gives the same UUID: how a repeated Idempotency-Key finds its first result. */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
