/**
 * Failed sign-ins counted per key (an e-mail address, an address of the caller) in a sliding
 * window: after `limit` failures the key waits until the oldest failure leaves the window.
 * Pure and in memory: time is passed in; a restart forgets, which only gives an attacker one
 * more window. (NIST SP 800-63B §5.2.2: limit failed attempts on an account.)
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may try now. */
  retryAfterMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : recent[0] + this.windowMs - now;
  }

  recordFailure(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A successful sign-in clears the key's failures. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}

/**
 * The two limits a sign-in passes: 5 failures in 15 minutes per e-mail address (guessing one
 * account's password), and 50 per caller address (trying many accounts; higher, since an
 * office shares one address).
 */
export class SignInLimits {
  readonly byEmail = new SignInThrottle(5);
  readonly byAddress = new SignInThrottle(50);
}
