import { addMonths } from '../shared/calendar';
import { IsoDate } from '../shared/iso-date';

/**
 * How early and how late a follow-up "N months after exit" may be dated, in calendar months
 * around the point N months after the last exit.
 *
 * ESF+ longer-term results (EECR05, EECR06; Regulation (EU) 2021/1057, Annex I) describe the
 * situation "six months after leaving". A follow-up dated one month after exit describes the
 * situation upon leaving instead (the four weeks after exit belong to the immediate results) and
 * must not be counted as the six-month one. Follow-ups are usually made by telephone or survey and
 * people are reached late more often than early, so the window is asymmetric: from one month
 * before the point (5 months for the six-month follow-up) to three months after it (9 months).
 * The bounds are this product's convention, stated in the catalogue and the README.
 */
export const FOLLOW_UP_WINDOW = { monthsBefore: 1, monthsAfter: 3 } as const;

/** The first and last date (inclusive) a follow-up `monthsAfterExit` months after `lastExitOn` may be dated. */
export function followUpWindow(lastExitOn: IsoDate, monthsAfterExit: number): { from: IsoDate; to: IsoDate } {
  return {
    from: addMonths(lastExitOn, monthsAfterExit - FOLLOW_UP_WINDOW.monthsBefore),
    to: addMonths(lastExitOn, monthsAfterExit + FOLLOW_UP_WINDOW.monthsAfter),
  };
}
