import { seal, Sealed, unseal } from './sealed-box';

/**
 * The master key that wraps every data key and, while it is being replaced, the one before it.
 * Keys wrapped by either open; new ones are wrapped by the current key; `KeyStore.rewrap`
 * moves the rest over, after which the previous key can be dropped from configuration.
 */
export class MasterKeys {
  constructor(
    readonly current: Buffer,
    readonly previous?: Buffer,
  ) {
    for (const key of [current, previous]) {
      if (key && key.length !== 32) throw new RangeError('The master key is 32 bytes (64 hex digits)');
    }
  }

  wrap(dataKey: Buffer): string {
    return JSON.stringify(seal(dataKey, this.current));
  }

  unwrap(wrapped: string): Buffer {
    const sealed = JSON.parse(wrapped) as Sealed;
    try {
      return unseal(sealed, this.current);
    } catch (error) {
      // GCM's tag tells the keys apart: a key that did not wrap it fails to open it.
      if (!this.previous) throw error;
      return unseal(sealed, this.previous);
    }
  }

  /** Whether a wrapped key is already under the current master key. */
  isCurrent(wrapped: string): boolean {
    try {
      unseal(JSON.parse(wrapped) as Sealed, this.current);
      return true;
    } catch {
      return false;
    }
  }
}
