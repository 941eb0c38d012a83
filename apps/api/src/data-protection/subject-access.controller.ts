import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { RequestContext } from '@pathway/application';
import { Principal } from '@pathway/auth';
import { subjectAccess, subjectAccessXlsx, XLSX_MEDIA_TYPE } from '@pathway/runtime';
import { DataProtection } from './data-protection';
import { SubjectAccessDto } from './subject-access.dto';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { Caller } from '../http/request-context.decorator';

const SUBJECT_ACCESS_SCHEMA_DOC = {
  type: 'object',
  required: ['schema', 'language', 'title', 'participantId', 'generatedAt', 'sections'],
  properties: {
    schema: { type: 'string', enum: ['pathway.subject-access.v1'] },
    language: { type: 'string', enum: ['en', 'sv'] },
    title: { type: 'string' },
    participantId: { type: 'string' },
    generatedAt: { type: 'string', format: 'date-time' },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'sheet', 'title', 'explanation', 'columns', 'rows'],
        properties: {
          id: { type: 'string', enum: ['about', 'entry-profile', 'personal-data', 'records', 'retractions', 'corrections', 'reads', 'notices', 'erasure'] },
          sheet: { type: 'string' },
          title: { type: 'string' },
          explanation: { type: 'string' },
          columns: { type: 'array', items: { type: 'object', required: ['key', 'label'], properties: { key: { type: 'string' }, label: { type: 'string' } } } },
          rows: { type: 'array', items: { type: 'object', additionalProperties: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } } },
        },
      },
    },
  },
};

@ApiTags('participants')
@Controller('participants/:participantId')
export class SubjectAccessController {
  constructor(private readonly dataProtection: DataProtection) {}

  /**
   * Everything held about the participant, for the person (GDPR Articles 15 and 20), in plain
   * language: entry profile, personal data (opened), every recorded event with who recorded it
   * and when, retractions, corrections, the audit trail of reads, the Kafka notices and the
   * erasure. JSON, or XLSX with one sheet per section. Admins only; the read itself is audited
   * (`subject-access.read`). 404 `PARTICIPANT.NOT_FOUND` for an unknown participant.
   */
  @Get('subject-access')
  @Access('participants.subject-access')
  @ApiProduces('application/json', XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The document: sections (about, entry-profile, personal-data, records, retractions, corrections, reads, notices, erasure), each a titled table',
    content: {
      'application/json': { schema: SUBJECT_ACCESS_SCHEMA_DOC },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async subjectAccess(
    @Param('participantId', ParseIdPipe) participantId: string,
    @Query() query: SubjectAccessDto,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
    @Res() response: Response,
  ): Promise<void> {
    const document = await subjectAccess(this.dataProtection.subjectAccessSources(), {
      participantId,
      requester: { subject: principal.subject, role: principal.role },
      correlationId: caller.correlationId,
      language: query.lang,
    });
    // It holds personal data: no cache may keep a copy.
    response.setHeader('Cache-Control', 'no-store');
    if (query.format === 'json') return void response.status(200).json(document);
    const workbook = await subjectAccessXlsx(document);
    response.status(200).type(XLSX_MEDIA_TYPE).setHeader('Content-Disposition', `attachment; filename="subject-access-${participantId}.xlsx"`).send(workbook);
  }
}
