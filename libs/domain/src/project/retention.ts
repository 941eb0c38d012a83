import { IsoDate } from '../shared/iso-date';

/**
 * How long a project's participants' personal data is kept: up to and including `retentionEnd`
 * (a date in the project's time zone); from the day after, it is to be erased.
 */
export interface RetentionEnd {
  projectId: string;
  retentionEnd: IsoDate;
  /** The legal basis or reason, as the admin gave it (about the project, never about a person). */
  basis: string;
  /** The last payment to the project the end was computed from, when it was. */
  lastPaymentOn: IsoDate | null;
}

/** Years ESF+ documents are kept after the year of the last payment (Regulation (EU) 2021/1060, Article 82(1)). */
export const ESF_PLUS_RETENTION_YEARS = 5;

/**
 * The ESF+ retention end for a project whose last payment was on `lastPaymentOn` (YYYY-MM-DD):
 * documents are kept "for a period of five years from 31 December of the year in which the last
 * payment by the managing authority to the beneficiary is made" (Regulation (EU) 2021/1060,
 * Article 82(1)), so the period ends on 31 December five years later. A last payment on
 * 2026-06-10 gives 2031-12-31. The regulation allows the period to be interrupted (legal
 * proceedings, a Commission request, Article 82(2)): the admin then sets a later date.
 */
export function esfPlusRetentionEnd(lastPaymentOn: IsoDate): IsoDate {
  const year = Number(lastPaymentOn.slice(0, 4));
  return `${String(year + ESF_PLUS_RETENTION_YEARS).padStart(4, '0')}-12-31`;
}

/** Whether the retention end has passed on `today` (the project's local date): the day after the end. */
export const retentionPassed = (retentionEnd: IsoDate, today: IsoDate): boolean => today > retentionEnd;
