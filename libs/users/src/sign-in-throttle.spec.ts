import { SignInThrottle } from './sign-in-throttle';

describe('SignInThrottle', () => {
  const minute = 60_000;

  it('lets four failures pass, stops the fifth key for the rest of the 15-minute window, then lets it try again', () => {
    const throttle = new SignInThrottle(5, 15 * minute);
    for (let i = 0; i < 4; i++) throttle.recordFailure('email:a@x.se', i * minute);
    expect(throttle.retryAfterMs('email:a@x.se', 4 * minute)).toBe(0);
    throttle.recordFailure('email:a@x.se', 4 * minute);
    expect(throttle.retryAfterMs('email:a@x.se', 5 * minute)).toBe(10 * minute);
    expect(throttle.retryAfterMs('email:b@x.se', 5 * minute)).toBe(0);
    expect(throttle.retryAfterMs('email:a@x.se', 15 * minute + 1)).toBe(0);
  });

  it('forgets a key after a successful sign-in', () => {
    const throttle = new SignInThrottle(2, 15 * minute);
    throttle.recordFailure('k', 0);
    throttle.recordFailure('k', 1);
    expect(throttle.retryAfterMs('k', 2)).toBeGreaterThan(0);
    throttle.clear('k');
    expect(throttle.retryAfterMs('k', 2)).toBe(0);
  });
});
