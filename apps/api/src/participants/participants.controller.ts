import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiExtraModels, ApiHeader, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Response } from 'express';
import { CommandResult, RequestContext } from '@pathway/application';
import { Milestone } from '@pathway/domain';
import { PathwayView } from '@pathway/read-models';
import { MILESTONE_DTOS } from './milestone.dto';
import { ParseMilestonePipe } from './parse-milestone.pipe';
import { ParticipantHistory, ParticipantHistoryQuery } from './participant-history.query';
import { ParticipantPathwayQuery } from './participant-pathway.query';
import { RecordMilestoneCommand } from './record-milestone.command';
import { RetractMilestoneCommand } from './retract-milestone.command';
import { RetractionDto } from './retraction.dto';
import { setVersion } from '../http/etag';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { Caller } from '../http/request-context.decorator';
import { Access } from '../auth/access.decorator';

@ApiTags('participants')
@ApiHeader({ name: 'If-Match', required: false, description: 'The version last seen; a stale one is answered 409' })
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key, same answer, one event' })
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
    @Body(ParseMilestonePipe) milestone: Milestone,
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

  /** The pathway view from the read models: profile, status and the timeline with retractions marked. */
  @Get()
  @Access('participants.read')
  pathway(@Param('participantId', ParseIdPipe) participantId: string): Promise<PathwayView> {
    return this.queries.execute(new ParticipantPathwayQuery(participantId));
  }

  /** The participant's events as stored in the log, with who recorded each and when. */
  @Get('history')
  @Access('participants.read')
  async history(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantHistory> {
    const history: ParticipantHistory = await this.queries.execute(new ParticipantHistoryQuery(participantId));
    setVersion(response, history.version);
    return history;
  }

  private answer(response: Response, result: CommandResult) {
    setVersion(response, result.streamVersion);
    return { eventId: result.eventIds[0], version: result.streamVersion };
  }
}
