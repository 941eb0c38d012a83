import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditLog, AuditPage } from '@pathway/audit';
import { AUDIT_LOG } from '@pathway/runtime';
import { AuditQueryDto } from './audit-query.dto';
import { Access } from '../auth/access.decorator';

/** Who read whose personal data, and when: the append-only audit log, a page at a time. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AUDIT_LOG) private readonly audit: AuditLog) {}

  @Get()
  @Access('audit.read')
  entries(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.audit.query(query.toFilter());
  }
}
