import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { notFound } from '@pathway/domain';
import { ParticipantsPage, projectParticipants, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';

export class ParticipantsPageDto {
  @IsOptional()
  @IsIn(['active', 'exited', 'withdrawn'])
  status?: 'active' | 'exited' | 'withdrawn';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class ProjectParticipantsQuery {
  constructor(
    readonly projectId: string,
    readonly page: ParticipantsPageDto,
  ) {}
}

@QueryHandler(ProjectParticipantsQuery)
export class ProjectParticipantsHandler implements IQueryHandler<ProjectParticipantsQuery, ParticipantsPage> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDb) {}

  async execute({ projectId, page }: ProjectParticipantsQuery): Promise<ParticipantsPage> {
    const project = await this.readModels.db.selectFrom('projects').select('project_id').where('project_id', '=', projectId).executeTakeFirst();
    if (!project) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return projectParticipants(this.readModels.db, projectId, page);
  }
}
