import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiExtraModels, ApiHeader, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Response } from 'express';
import { CommandResult, RequestContext } from '@pathway/application';
import { PathwayView } from '@pathway/read-models';
import { Principal } from '@pathway/auth';
import { ChangeContactDetailsCommand } from './change-contact-details.command';
import { CorrectEntryProfileCommand } from './correct-entry-profile.command';
import { CorrectionDto } from './correction.dto';
import { ErasePersonalDataCommand } from './erase-personal-data.command';
import { ErasureDto } from './erasure.dto';
import { ErasureRecord, ErasureRecordQuery } from './erasure-record.query';
import { MilestoneDraft } from './milestone-draft';
import { MILESTONE_DTOS } from './milestone.dto';
import { ParseMilestonePipe } from './parse-milestone.pipe';
import { ParticipantHistory, ParticipantHistoryQuery } from './participant-history.query';
import { ParticipantIndicatorsQuery, ParticipantIndicatorsView } from './participant-indicators.query';
import { ParticipantPathwayQuery } from './participant-pathway.query';
import { ContactDetailsDto } from './personal-data.dto';
import { PersonalDataView } from './personal-data-reader';
import { RecordMilestoneCommand } from './record-milestone.command';
import { RetractMilestoneCommand } from './retract-milestone.command';
import { RetractionDto } from './retraction.dto';
import { WithdrawEnrolmentCommand } from './withdraw-enrolment.command';
import { WithdrawalDto } from './withdrawal.dto';
import { setVersion } from '../http/etag';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { Caller } from '../http/request-context.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Access } from '../auth/access.decorator';

@ApiTags('participants')
@ApiHeader({ name: 'If-Match', required: false, description: 'The version last seen, as a strong ETag ("3") or *; a stale one is answered 409, a weak one (W/"3") 412' })
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A random UUID per request: the same key and request give the same answer and one event; the same key with another request is refused (422 IDEMPOTENCY.KEY_REUSED)' })
@ApiExtraModels(...Object.values(MILESTONE_DTOS))
@Controller('participants/:participantId')
export class ParticipantsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('milestones')
  @HttpCode(201)
  @Access('participants.record')
  @ApiBody({ schema: { oneOf: Object.values(MILESTONE_DTOS).map((dto) => ({ $ref: getSchemaPath(dto) })) } })
  async recordMilestone(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Body(ParseMilestonePipe) milestone: MilestoneDraft,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult = await this.commands.execute(new RecordMilestoneCommand(participantId, milestone, caller));
    return this.answer(response, result);
  }

  @Post('retractions')
  @HttpCode(201)
  @Access('participants.record')
  async retract(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Body() body: RetractionDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult = await this.commands.execute(
      new RetractMilestoneCommand(participantId, { eventId: body.eventId, reason: body.reason }, caller),
    );
    return this.answer(response, result);
  }

  /**
   * Corrects fields of the entry profile and the enrolment date recorded wrong, with a reason. The
   * enrolment stays in the log as recorded: reports as known on an earlier instant show the old values.
   */
  @Post('corrections')
  @HttpCode(201)
  @Access('participants.record')
  async correct(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Body() body: CorrectionDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult = await this.commands.execute(
      new CorrectEntryProfileCommand(participantId, { corrected: body.corrected.toCorrection(), reason: body.reason }, caller),
    );
    return this.answer(response, result);
  }

  /**
   * Withdraws an enrolment made in error (the person never took part, or is a duplicate of
   * `duplicateOf`): from now on the participant counts nowhere and takes no more records.
   */
  @Post('withdrawal')
  @HttpCode(201)
  @Access('participants.record')
  async withdraw(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Body() body: WithdrawalDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult = await this.commands.execute(
      new WithdrawEnrolmentCommand(participantId, { ground: body.ground, duplicateOf: body.duplicateOf ?? null, reason: body.reason }, caller),
    );
    return this.answer(response, result);
  }

  /** Changes phone, email or address (null removes one); sealed like the enrolment's personal data. */
  @Patch('contact-details')
  @Access('participants.record')
  async changeContactDetails(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Body() body: ContactDetailsDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult = await this.commands.execute(new ChangeContactDetailsCommand(participantId, body.toChange(), caller));
    return this.answer(response, result);
  }

  /**
   * Forgets the person: destroys the participant's key, so the sealed personal data is unreadable
   * everywhere (log, backups, copies), and records the erasure. The pathway and every count stay.
   */
  @Delete('personal-data')
  @Access('participants.erase')
  async erase(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Body() body: ErasureDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult = await this.commands.execute(new ErasePersonalDataCommand(participantId, body.reason, caller));
    return this.answer(response, result);
  }

  /**
   * The erasure's record for admins: when, by whom, and the reason, which is sealed in the log
   * with the installation's audit key and opened here only (each read audited).
   */
  @Get('erasure')
  @Access('participants.erase')
  erasure(
    @Param('participantId', ParseIdPipe) participantId: string,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
  ): Promise<ErasureRecord> {
    return this.queries.execute(new ErasureRecordQuery(participantId, principal, caller.correlationId));
  }

  /**
   * The pathway view from the read models: profile, status and the timeline with retractions
   * marked, and the personal data: opened for the project's caseworkers only (each read audited).
   */
  @Get()
  @Access('participants.read')
  pathway(
    @Param('participantId', ParseIdPipe) participantId: string,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
  ): Promise<PathwayView & { personalData: PersonalDataView }> {
    return this.queries.execute(new ParticipantPathwayQuery(participantId, principal, caller.correlationId));
  }

  /**
   * The ESF+ common indicators the participant counts in (or is reported as data missing in) in
   * the project's report from its start to today, by the catalogue's rules: for the caseworker's
   * understanding of what the pathway means for the figures.
   */
  @Get('indicators')
  @Access('participants.read')
  indicators(@Param('participantId', ParseIdPipe) participantId: string): Promise<ParticipantIndicatorsView> {
    return this.queries.execute(new ParticipantIndicatorsQuery(participantId));
  }

  /** The participant's events as stored in the log, with who recorded each and when; free text as the caller may see it. */
  @Get('history')
  @Access('participants.read')
  async history(
    @Param('participantId', ParseIdPipe) participantId: string,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantHistory> {
    const history: ParticipantHistory = await this.queries.execute(new ParticipantHistoryQuery(participantId, principal, caller.correlationId));
    setVersion(response, history.version);
    return history;
  }

  private answer(response: Response, result: CommandResult) {
    setVersion(response, result.streamVersion);
    return { eventId: result.eventIds[0], version: result.streamVersion };
  }
}
