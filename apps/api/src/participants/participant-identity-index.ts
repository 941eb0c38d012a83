import { Inject, Injectable } from '@nestjs/common';
import { IdentityIndex, KeyStore } from '@pathway/privacy';
import { KEY_STORE } from '@pathway/runtime';

/** The installation's blind index of identity numbers (see IdentityIndex), for Nest to inject. */
@Injectable()
export class ParticipantIdentityIndex extends IdentityIndex {
  constructor(@Inject(KEY_STORE) keys: KeyStore) {
    super(keys);
  }
}
