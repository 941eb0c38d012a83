import { useEffect } from 'react';

/**
 * User Timing marks the performance benchmark reads (bench/web.bench.ts): when a screen's data
 * arrived and when React had committed what it shows. A mark costs microseconds; each name is
 * cleared before it is set again, so a long session keeps one entry per name, not thousands.
 */
export const MARKS = {
  participantsData: 'pathway:participants:data',
  participantsRendered: 'pathway:participants:rendered',
} as const;

export function mark(name: (typeof MARKS)[keyof typeof MARKS]): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/** Sets the mark after React commits a render in which `shown` is set (a new value marks again). */
export function useMarkWhenShown(name: (typeof MARKS)[keyof typeof MARKS], shown: unknown): void {
  useEffect(() => {
    if (shown) mark(name);
  }, [name, shown]);
}
