import { useCallback, useEffect, useState } from 'react';
import { api, ParticipantHistory, ParticipantIndicators, Pathway } from '../api/client';
import { useSession } from '../session/session';

/** `forbidden`: the role may not read pathways (an admin: the API's `participants.read`). */
export type Loaded<T> = T | 'notFound' | 'forbidden' | 'failed' | null;

export interface PathwayData {
  pathway: Loaded<Pathway>;
  /** The log's view, for those who record: the version to send back in If-Match and who (by role) recorded what. */
  history: ParticipantHistory | null;
  indicators: Loaded<ParticipantIndicators>;
  /**
   * Reads everything again. The pathway is a read model that follows the log a moment behind, so
   * after a write `until` says when it has caught up (it is asked again for a few seconds at most).
   */
  reload: (until?: (pathway: Pathway) => boolean) => Promise<void>;
}

const CATCH_UP_TRIES = 40;
const CATCH_UP_DELAY_MS = 100;

/** The participant's pathway, indicators and (for caseworkers who may record) history. */
export function usePathwayData(participantId: string, mayRecord: boolean): PathwayData {
  const { expired } = useSession();
  const [pathway, setPathway] = useState<Loaded<Pathway>>(null);
  const [history, setHistory] = useState<ParticipantHistory | null>(null);
  const [indicators, setIndicators] = useState<Loaded<ParticipantIndicators>>(null);

  const readPathway = useCallback(async (): Promise<Loaded<Pathway>> => {
    const { data, response } = await api.GET('/api/v1/participants/{participantId}', { params: { path: { participantId } } });
    if (response.status === 401) expired();
    return response.ok ? (data as unknown as Pathway) : response.status === 404 ? 'notFound' : response.status === 403 ? 'forbidden' : 'failed';
  }, [participantId, expired]);

  const reload = useCallback(
    async (until?: (pathway: Pathway) => boolean) => {
      const readHistory = mayRecord
        ? api.GET('/api/v1/participants/{participantId}/history', { params: { path: { participantId } } }).then(({ data, response }) => (response.ok ? (data as unknown as ParticipantHistory) : null))
        : Promise.resolve(null);
      let next = await readPathway();
      for (let tries = 1; until && typeof next === 'object' && next !== null && !until(next) && tries < CATCH_UP_TRIES; tries++) {
        await new Promise((resolve) => setTimeout(resolve, CATCH_UP_DELAY_MS));
        next = await readPathway();
      }
      // Indicators come from the same read models: asked once the pathway has caught up.
      const { data, response } = await api.GET('/api/v1/participants/{participantId}/indicators', { params: { path: { participantId } } });
      setHistory(await readHistory);
      setPathway(next);
      setIndicators(response.ok ? (data as unknown as ParticipantIndicators) : 'failed');
    },
    [participantId, mayRecord, readPathway],
  );

  useEffect(() => {
    setPathway(null);
    setHistory(null);
    setIndicators(null);
    void reload();
  }, [reload]);

  return { pathway, history, indicators, reload };
}
