import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { RequestContext } from '@pathway/application';
import { Principal } from '@pathway/auth';
import { isMonth, Month } from '@pathway/domain';
import { ParticipantFileMonthDto, ParticipantFileQueryDto, ParticipantFileSentDto } from './participant-file.dto';
import { ParticipantFileMonth, ParticipantFiles } from './participant-files';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { setVersion } from '../http/etag';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { RequestValidationError } from '../http/problem';
import { Caller } from '../http/request-context.decorator';

const monthParam = (month: string): Month => {
  if (!isMonth(month)) throw new RequestValidationError([{ field: 'month', reason: 'month must be a month such as 2024-01' }]);
  return month;
};

/**
 * The monthly participant file for Statistics Sweden (SCB), for admins: it holds identity
 * numbers. Months are listed with how they stand; a month's file is downloaded (each identity
 * number opened is audited); a month is recorded as sent with the file's `X-As-Known-On`.
 */
@ApiTags('participant files (SCB)')
@Controller('projects/:projectId/participant-files')
export class ParticipantFilesController {
  constructor(private readonly files: ParticipantFiles) {}

  /** Every ended month of the project: due by, sent, overdue, or to be sent again and why. */
  @Get()
  @Access('participantFiles.read')
  @ApiOkResponse({ type: ParticipantFileMonthDto, isArray: true })
  months(@Param('projectId', ParseIdPipe) projectId: string): Promise<ParticipantFileMonth[]> {
    return this.files.months(projectId);
  }

  /** The month's file as known now. `Digest`: SHA-256 of the bytes; `X-As-Known-On`: what to record it as sent with. */
  @Get(':month')
  @Access('participantFiles.read')
  async file(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Param('month') month: string,
    @Query() query: ParticipantFileQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
    @Res() response: Response,
  ) {
    const { file, asKnownOn } = await this.files.file(projectId, monthParam(month), query.format, principal, caller.correlationId);
    response
      .status(200)
      .type(file.contentType)
      .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .setHeader('Digest', file.digest)
      .setHeader('X-As-Known-On', asKnownOn)
      .setHeader('Cache-Control', 'no-store')
      .send(file.body);
  }

  /** Records the month as sent with the rows known on `asKnownOn`; sending a month again records it again. */
  @Post(':month/sent')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A random UUID per request: a retry records once' })
  @Access('participantFiles.record')
  async sent(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Param('month') month: string,
    @Body() body: ParticipantFileSentDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.files.recordSent(projectId, monthParam(month), new Date(body.asKnownOn).toISOString(), body.fileDigest ?? null, caller);
    setVersion(response, result.streamVersion);
    return { eventId: result.eventIds[0], ...result.sent, version: result.streamVersion };
  }
}
