import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session/session';
import { Problem } from './client';
import { problemOf } from './problems';

/** What a page knows of its request: nothing asked, asked and waiting (since `since`, ms), the answer (to the request made at `askedAt`, ms), a refusal, or a failure. */
export type Answer<T> = 'idle' | { loading: true; since: number } | { data: T; askedAt: number } | { problem: Problem } | 'failed';

/** What the typed client's calls resolve to. */
type Reply = { data?: unknown; error?: unknown; response: Response };

export const isLoading = <T>(answer: Answer<T>): answer is { loading: true; since: number } => typeof answer === 'object' && 'loading' in answer;

/**
 * The API's answer to the request `ask(signal)` makes for `key` (`null`: nothing to ask, `idle`).
 * When `key` changes, or the page goes, the request still under way is aborted (AbortController):
 * a superseded answer never replaces a newer one, and the browser stops waiting for work nobody
 * wants. A 401 ends the session; a 4xx is a problem for the page to show; the rest is `failed`.
 * `ask` is read when `key` changes, so it may close over anything that `key` stands for.
 */
export function useAnswer<T>(key: string | null, ask: (signal: AbortSignal) => Promise<Reply>): Answer<T> {
  const { expired } = useSession();
  const [answer, setAnswer] = useState<Answer<T>>(key === null ? 'idle' : { loading: true, since: Date.now() });
  const asking = useRef(ask);
  asking.current = ask;

  useEffect(() => {
    if (key === null) return setAnswer('idle');
    const controller = new AbortController();
    const since = Date.now();
    setAnswer({ loading: true, since });
    asking.current(controller.signal).then(
      ({ data, error, response }) => {
        if (controller.signal.aborted) return;
        if (response.status === 401) return expired();
        if (response.ok) return setAnswer({ data: data as T, askedAt: since });
        setAnswer(response.status >= 400 && response.status < 500 ? { problem: problemOf(error, response) } : 'failed');
      },
      () => {
        // An aborted request rejects too: only a request still wanted says it failed.
        if (!controller.signal.aborted) setAnswer('failed');
      },
    );
    return () => controller.abort();
  }, [key, expired]);

  return answer;
}
