import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequestContext } from '@pathway/application';
import { Principal } from '@pathway/auth';
import { worklistToday } from '@pathway/indicators';
import { ProjectWorklistQuery } from './project-worklist.query';
import { WorklistDto } from './worklist.dto';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Caller } from '../http/request-context.decorator';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { ProjectCalendar } from '../projects/project-calendar';

@ApiTags('worklist')
@Controller('projects/:projectId/worklist')
export class WorklistController {
  constructor(
    private readonly queries: QueryBus,
    private readonly calendar: ProjectCalendar,
  ) {}

  /**
   * What the project's caseworkers should do today, most urgent first: situations upon leaving
   * still unknown in their four weeks, six-month follow-ups due and overdue, interventions open
   * for long, participants not heard of for long. Today is the date in the project's time zone.
   * For the project's caseworkers also the likely duplicates (same identity number, or same birth
   * date and name), to resolve by withdrawing one of each pair.
   */
  @Get()
  @Access('worklist.read')
  async worklist(
    @Param('projectId', ParseIdPipe) projectId: string,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
  ): Promise<WorklistDto> {
    const timeZone = await this.calendar.zoneOf(projectId);
    return this.queries.execute(new ProjectWorklistQuery(projectId, worklistToday(this.calendar.now(), timeZone), timeZone, principal, caller.correlationId));
  }
}
