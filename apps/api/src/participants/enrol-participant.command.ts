import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, enrolParticipant, Enrolment, participantIdFor, RequestContext } from '@pathway/application';
import { KeyStore, PersonalData, sealPersonalData } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES, KEY_STORE } from '@pathway/runtime';
import { ParticipantIdentityIndex } from './participant-identity-index';

export class EnrolParticipantCommand {
  constructor(
    readonly enrolment: Omit<Enrolment, 'personal' | 'sealPersonal'>,
    readonly personal: PersonalData | undefined,
    readonly caller: RequestContext,
  ) {}
}

/**
 * Personal data is sealed with the participant's own key, and the key made, only once the
 * enrolment is decided: a refused enrolment leaves no key behind, and whether another project's
 * participant was erased is never asked of the key store (it would tell).
 */
@CommandHandler(EnrolParticipantCommand)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipantCommand> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly identities: ParticipantIdentityIndex,
  ) {}

  async execute({ enrolment, personal, caller }: EnrolParticipantCommand): Promise<CommandResult & { participantId: string }> {
    const participantId = participantIdFor(this.deps, enrolment, caller);
    const sealPersonal = personal && (async (id: string) => sealPersonalData(personal, await this.keys.dataKeyFor(id)));
    const result = await enrolParticipant(this.deps, { ...enrolment, participantId, sealPersonal }, caller);
    // After the append: a refused enrolment files nothing. A crash in between leaves the person
    // unfound by number until a retry (the same Idempotency-Key files again) or `pathway blind-index rebuild`.
    await this.identities.file(result.participantId, personal);
    return result;
  }
}
