import { createHmac } from 'node:crypto';
import { ruleBroken } from '@pathway/domain';
import { RecordedEvent } from '@pathway/event-store';
import { canonicalJson } from './canonical-json';
import { RequestContext } from './command-context';
import { nameBasedUuid } from './name-based-uuid';

/**
 * What an event's metadata keeps of the Idempotency-Key it was written under: never the key
 * itself, only `key`, a name-based UUID of (stream, caller, key), and `request`, a fingerprint
 * of the request (see `requestFingerprint`).
 */
export interface IdempotencyMetadata {
  key: string;
  request: string;
}

/**
 * The fingerprint of a request: HMAC-SHA-256 (hex) of its operation and canonical body, keyed by
 * the caller and the Idempotency-Key. Keyed by the key, not a plain hash: bodies carry personal
 * data and free text, and an unkeyed hash in the log would let anyone holding the log confirm a
 * guess of them (also after erasure). Without the (random, never stored) key it says nothing.
 */
export function requestFingerprint(idempotencyKey: string, actor: string, operation: string, body: unknown): string {
  return createHmac('sha256', `${actor}\n${idempotencyKey}`).update(`${operation}\n${canonicalJson(body)}`).digest('hex');
}

/** One command's use of an Idempotency-Key on one stream. */
export class IdempotentRequest {
  /** Name-based UUID of (stream, caller, key): the same for every request under this key. */
  readonly key: string;
  /** The caller: keys are theirs alone. */
  readonly actor: string;

  private constructor(
    private readonly streamId: string,
    private readonly request: Required<Pick<RequestContext, 'idempotencyKey' | 'actor'>>,
    readonly fingerprint: string,
  ) {
    this.key = nameBasedUuid(`${streamId}/${request.actor}/${request.idempotencyKey}`);
    this.actor = request.actor;
  }

  /**
   * The key's use by this request, or null without a key. Requests from outside HTTP that bring
   * no fingerprint are fingerprinted by their command.
   */
  static of(streamId: string, request: RequestContext, command: unknown): IdempotentRequest | null {
    if (request.idempotencyKey === undefined) return null;
    const fingerprint =
      request.requestFingerprint ?? requestFingerprint(request.idempotencyKey, request.actor, 'command', command);
    return new IdempotentRequest(streamId, { idempotencyKey: request.idempotencyKey, actor: request.actor }, fingerprint);
  }

  /**
   * The id of the index-th event the request writes. It names the request too, so two different
   * requests racing under one key write different ids: the loser's append meets the winner's
   * version, rereads, and is refused as a reuse instead of being taken for a retry.
   */
  eventIdAt(index: number): string {
    return nameBasedUuid(`${this.key}/${this.fingerprint}/${index}`);
  }

  /** The id the index-th event had before keys were bound to requests (kept to answer old retries). */
  legacyEventIdAt(index: number): string {
    return nameBasedUuid(`${this.streamId}/${this.request.idempotencyKey}/${index}`);
  }

  get metadata(): { idempotency: IdempotencyMetadata } {
    return { idempotency: { key: this.key, request: this.fingerprint } };
  }

  /** This request again (answer as first) or another one under the same key: 422 IDEMPOTENCY.KEY_REUSED. */
  checkSameRequest(earlier: Pick<IdempotencyMetadata, 'request'>): void {
    if (earlier.request !== this.fingerprint) {
      throw ruleBroken(
        'IDEMPOTENCY.KEY_REUSED',
        'This Idempotency-Key was already used for a different request; use a new key for a new request',
      );
    }
  }

}

/** The idempotency metadata of a recorded event, if it was written under a key. */
export function idempotencyOf(event: Pick<RecordedEvent, 'metadata'>): IdempotencyMetadata | null {
  const value = event.metadata.idempotency as Partial<IdempotencyMetadata> | undefined;
  return typeof value?.key === 'string' && typeof value.request === 'string' ? { key: value.key, request: value.request } : null;
}
