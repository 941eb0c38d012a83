import { participantIndicators } from './participant-indicators';
import { enrolment, exited, followUp, outcomeOf, placed } from './testing/facts';

const answers = (list: ReturnType<typeof participantIndicators>) => Object.fromEntries(list.map((i) => [i.code, i.answer]));

describe('the indicators one participant counts in', () => {
  it('gives only the entry profile outputs while the participant is active', () => {
    const outcome = outcomeOf(enrolment('2025-01-10', { birthDate: '2000-06-15', labourMarketStatus: 'long-term-unemployed', disability: null }));
    expect(answers(participantIndicators(outcome, '2025-03-01'))).toEqual({
      EECO01: 'counts',
      EECO02: 'counts',
      EECO03: 'counts',
      EECO07: 'counts',
      EECO10: 'counts',
      EECO12: 'data-missing',
    });
  });

  it('adds the results upon leaving after an exit, and the six-month ones once due', () => {
    const enrolled = enrolment('2025-01-10');
    const outcome = outcomeOf(enrolled, exited('2025-03-01', 'completed', 'unknown'), placed('2025-03-10'));
    const leaving = answers(participantIndicators(outcome, '2025-04-01'));
    expect(leaving.EECR04).toBe('counts');
    expect(leaving.EECR05).toBeUndefined();
    // Six months after the exit with no follow-up: the follow-up result is data missing.
    expect(answers(participantIndicators(outcome, '2025-09-02')).EECR05).toBe('data-missing');
    const followedUp = outcomeOf(enrolled, exited('2025-03-01', 'completed', 'unknown'), followUp('2025-09-05', 'employed', true));
    expect(answers(participantIndicators(followedUp, '2025-09-10')).EECR05).toBe('counts');
  });
});
