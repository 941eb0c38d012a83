import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequestContext } from '@pathway/application';
import { Principal } from '@pathway/auth';
import { worklistToday } from '@pathway/indicators';
import { ParticipantFileMonth } from '@pathway/runtime';
import { ProjectWorklistQuery } from './project-worklist.query';
import { WorklistDto, WorklistParticipantFilesDto } from './worklist.dto';
import { Access } from '../auth/access.decorator';
import { mayDo } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Caller } from '../http/request-context.decorator';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { ParticipantFiles } from '../participant-files/participant-files';
import { ProjectCalendar } from '../projects/project-calendar';

@ApiTags('worklist')
@Controller('projects/:projectId/worklist')
export class WorklistController {
  constructor(
    private readonly queries: QueryBus,
    private readonly calendar: ProjectCalendar,
    private readonly files: ParticipantFiles,
  ) {}

  /**
   * What the project's caseworkers should do today, most urgent first: situations upon leaving
   * still unknown in their four weeks, six-month follow-ups due and overdue, interventions open
   * for long, participants not heard of for long. Today is the date in the project's time zone.
   * For the project's caseworkers also the likely duplicates (same identity number, or same birth
   * date and name), to resolve by withdrawing one of each pair. For an admin (who alone may
   * produce the monthly participant file for SCB), also the months of that file not yet sent and
   * those to send again.
   */
  @Get()
  @Access('worklist.read')
  async worklist(
    @Param('projectId', ParseIdPipe) projectId: string,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
  ): Promise<WorklistDto> {
    const timeZone = await this.calendar.zoneOf(projectId);
    const worklist: WorklistDto = await this.queries.execute(new ProjectWorklistQuery(projectId, worklistToday(this.calendar.now(), timeZone), timeZone, principal, caller.correlationId));
    if (!mayDo(principal.role, 'participantFiles.read')) return worklist;
    return { ...worklist, participantFiles: fileWork(await this.files.months(projectId)) };
  }
}

/** The months not sent (oldest first) and the sent months to send again, counted, without rows. */
function fileWork(months: readonly ParticipantFileMonth[]): WorklistParticipantFilesDto {
  return {
    due: months.filter((m) => m.status === 'not-sent' || m.status === 'overdue').map((m) => ({ month: m.month, dueBy: m.dueBy, overdue: m.status === 'overdue' })),
    resend: months
      .filter((m) => m.status === 'resend')
      .map((m) => ({ month: m.month, reason: m.changes ? 'changed' : 'follows', added: m.changes?.added.length ?? 0, removed: m.changes?.removed.length ?? 0, after: m.after })),
  };
}
