import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DataKey, KeyRef } from './data-key';

/**
 * AES-256-GCM, as a self-describing JSON-safe value. What is sealed with a participant's data
 * key can be read only while that key exists: destroying the key forgets the person
 * (crypto-shredding), wherever copies of the ciphertext went (log, backups, evaluator copies).
 */
export interface Sealed {
  alg: 'A256GCM';
  iv: string;
  tag: string;
  ciphertext: string;
  /** The key it was sealed with; absent on boxes sealed before boxes named their key. */
  key?: KeyRef;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

/**
 * Seals `plaintext` with a bare key (the master key wrapping data keys) or a named data key,
 * whose name (`ref`) the box then carries in clear.
 */
export function seal(plaintext: Buffer, dataKey: Buffer | DataKey): Sealed {
  const key = Buffer.isBuffer(dataKey) ? dataKey : dataKey.material;
  if (key.length !== KEY_BYTES) throw new RangeError('An AES-256 key is 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64'), ...(Buffer.isBuffer(dataKey) ? {} : { key: { ...dataKey.ref } }) };
}

/** Throws when the key is wrong or the sealed value was altered (GCM authenticates both). */
export function unseal(sealed: Sealed, key: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
}
