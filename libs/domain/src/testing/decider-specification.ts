import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/**
 * Given these events, when this command, then these events or this error.
 * Given events get the ids `event-1`, `event-2`, ... so a test can refer to them.
 */
export function deciderSpecification<C, E, S>(decider: Decider<C, E, S>) {
  return (...given: E[]) => ({
    when: (command: C) => {
      const decide = () => {
        const state = given.reduce((s, e, i) => decider.evolve(s, e, `event-${i + 1}`), decider.initialState());
        return decider.decide(command, state);
      };
      return {
        then: (expected: E[]) => expect(decide()).toEqual(expected),
        thenFails: (code: string) => {
          let error: unknown;
          try {
            decide();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
        },
      };
    },
  });
}
