import { randomUUID } from 'node:crypto';
import { Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { CommandDependencies } from '@pathway/application';
import { ImportFileRefused, ImportReport, importTemplate, runImport, XLSX_MEDIA_TYPE } from '@pathway/import';
import { KeyStore } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES, KEY_STORE } from '@pathway/runtime';
import { Access } from '../auth/access.decorator';
import { EdgeRefusal, RequestValidationError } from '../http/problem';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { HEADER_TOKEN } from '../http/request-context.decorator';
import { principalOf } from '../auth/authenticated-request';
import { IMPORT_TYPES } from '../http/json-bodies';
import { ParticipantIdentityIndex } from '../participants/participant-identity-index';
import { validateEnrolmentBody } from './enrolment-body-validator';
import { milestoneRecorder, validateMilestoneBody } from './milestone-body-validator';
import { ImportReportDto } from './import-report.dto';

/** The status each refusal of a whole file answers. */
const FILE_REFUSAL_STATUS: Record<string, number> = { 'IMPORT.FILE_TOO_LARGE': 413, 'IMPORT.INFLATES_TOO_LARGE': 413 };

@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly identities: ParticipantIdentityIndex,
  ) {}

  /**
   * Imports participants, and an XLSX's milestone sheet ("Milstolpar" / "Milestones") after them, from the project's spreadsheet, sent as the body (XLSX or CSV, at most
   * 10 MB, Content-Type one of IMPORT_TYPES). `dryRun=true` (the default) checks every row by
   * the enrolment API's rules and writes nothing; `dryRun=false` enrols the rows that pass. The
   * answer lists each row's outcome and every problem by row, column and stable code, never a
   * cell's content. Importing the same file again writes nothing; a changed row is a conflict.
   */
  @Post('projects/:projectId/imports')
  @HttpCode(200)
  @Access('participants.import')
  @ApiConsumes(...IMPORT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ type: ImportReportDto })
  async import(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Query('dryRun') dryRun: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReport> {
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
      throw new RequestValidationError([{ field: 'dryRun', reason: 'dryRun must be true or false' }]);
    }
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
      throw new EdgeRefusal(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', `Send the spreadsheet as the body, with Content-Type ${XLSX_MEDIA_TYPE} or text/csv`);
    }
    // Not the Caller decorator: each row brings its own Idempotency-Key, and fingerprinting a 10 MB body is not wanted.
    const correlation = request.header('X-Correlation-Id');
    if (correlation !== undefined && !HEADER_TOKEN.test(correlation)) {
      throw new RequestValidationError([{ field: 'X-Correlation-Id', reason: 'X-Correlation-Id must be 1 to 64 letters, digits or . _ : -' }]);
    }
    const correlationId = correlation ?? randomUUID();
    response.setHeader('X-Correlation-Id', correlationId);
    const { subject: actor, role: actorRole } = principalOf(request);
    try {
      return await runImport({ commands: this.deps, keys: this.keys, identities: this.identities }, request.body, {
        projectId,
        dryRun: dryRun !== 'false',
        validateBody: validateEnrolmentBody,
        milestones: { validate: validateMilestoneBody, record: milestoneRecorder(this.deps, this.keys) },
        request: { actor, actorRole, correlationId },
      });
    } catch (error) {
      if (error instanceof ImportFileRefused) throw new EdgeRefusal(FILE_REFUSAL_STATUS[error.code] ?? 422, error.code, error.message);
      throw error;
    }
  }

  /** The import template: XLSX with headers in Swedish and English, drop-down lists, and an instructions sheet. */
  @Get('imports/template')
  @Access('participants.import')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Header('Content-Type', XLSX_MEDIA_TYPE)
  @Header('Content-Disposition', 'attachment; filename="pathway-import.xlsx"')
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await importTemplate());
  }
}
