import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { AttendanceResult, GroupSessionRecord, RequestContext } from '@pathway/application';
import { DomainError } from '@pathway/domain';
import { DuplicateEventIdError } from '@pathway/event-store';
import { GroupSessionDto, GroupSessionResultDto, AttendanceResultDto } from './group-session.dto';
import { RecordGroupSessionCommand } from './record-group-session.command';
import { Access } from '../auth/access.decorator';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { Problem, RequestValidationError } from '../http/problem';
import { domainProblem } from '../http/problem-details.filter';
import { Caller } from '../http/request-context.decorator';

@ApiTags('group sessions')
@Controller('projects/:projectId/group-sessions')
export class GroupSessionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Access('participants.record')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      'A random UUID per session. Send it again with the same date and kind, for all rows or only the refused ones: each row written before answers already-recorded, without a second event',
  })
  @ApiOperation({
    summary: 'Record who attended a group session (workshop, study visit, group activity...)',
    description: [
      'One answer per participant, in the order sent (a 207-style answer given as 200): `recorded`, `already-recorded` (written by an earlier sending under the same Idempotency-Key) or `refused` with a problem (`code`, `status`, `params`).',
      'Each participant is recorded on their own: a refused row rolls nothing back, and every recorded row is durable before the answer is sent. A participant who has exited, is not enrolled by the date, does not exist or belongs to another project is refused (the last two alike: `PARTICIPANT.NOT_FOUND`).',
      'A body that is not valid (no date, an unknown kind, no participants, more than 500, a repeated id) is a 400 for the whole request and records nothing.',
    ].join('\n\n'),
  })
  @ApiOkResponse({ type: GroupSessionResultDto })
  async record(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Body() body: GroupSessionDto,
    @Caller() caller: RequestContext,
    @Req() request: Request,
  ): Promise<GroupSessionResultDto> {
    const { idempotencyKey } = caller;
    if (idempotencyKey === undefined) {
      throw new RequestValidationError([{ field: 'Idempotency-Key', reason: 'Idempotency-Key is required: it is how the refused rows can be sent again safely' }]);
    }
    const session = { projectId, occurredOn: body.occurredOn, kind: body.kind, participantIds: body.participantIds };
    const operation = `POST ${request.originalUrl.split('?')[0]}`;
    const record: GroupSessionRecord = await this.commands.execute(new RecordGroupSessionCommand(session, { ...caller, idempotencyKey }, operation));
    return { sessionId: record.sessionId, occurredOn: body.occurredOn, kind: body.kind, results: record.results.map(toResult) };
  }
}

function toResult(row: AttendanceResult): AttendanceResultDto {
  if (row.result !== 'refused') return row;
  const { error } = row;
  const problem: Pick<Problem, 'code' | 'status' | 'title' | 'params'> =
    error instanceof DomainError
      ? domainProblem(error)
      : error instanceof DuplicateEventIdError
        ? { code: 'IDEMPOTENCY.KEY_REUSED', status: 422, title: 'This Idempotency-Key was already used for a different request' }
        : { code: 'CONCURRENCY.VERSION_MISMATCH', status: 409, title: 'The participant was changed by someone else at the same time; send this row again' };
  const { code, status, title, params } = problem;
  return { participantId: row.participantId, result: 'refused', problem: { code, status, title, ...(params ? { params } : {}) } };
}
