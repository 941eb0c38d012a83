import { IsoDate } from '@pathway/domain';
import { computeIndicatorReport } from './indicator-report';
import { ParticipantOutcome } from './participant-outcome';

/** How one participant stands in one ESF+ common indicator. */
export interface ParticipantIndicator {
  code: string;
  /** The catalogue's (English) name; clients show their own translation by `code`. */
  name: string;
  /** `counts`: counted; `data-missing`: in the indicator's population, but the answer needed is not known. */
  answer: 'counts' | 'data-missing';
}

/**
 * The ESF+ common indicators (outputs and results) one participant counts in, or is reported as
 * data missing in, in a report of their project from its start to `today` (the project's date):
 * the report itself computed over this participant alone, so the rules are the catalogue's and
 * nowhere else. Indicators whose population the participant is not in (results before an exit,
 * follow-up results before the six-month point) are left out, as are project rates (they are
 * shares of a whole project, not a property of one person).
 */
export function participantIndicators(outcome: ParticipantOutcome, today: IsoDate): ParticipantIndicator[] {
  const { indicators } = computeIndicatorReport([outcome], { from: null, to: today }, 0);
  return indicators.flatMap(({ code, name, total, dataMissing }): ParticipantIndicator[] => {
    if (total > 0) return [{ code, name, answer: 'counts' }];
    if (dataMissing > 0) return [{ code, name, answer: 'data-missing' }];
    return [];
  });
}
