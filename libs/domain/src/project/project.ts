import { conflict, ruleBroken } from '../shared/domain-error';
import { Decider } from '../shared/decider';
import { IsoDate } from '../shared/iso-date';

/** An ESF+ operation or Erasmus+ project: the unit every report is made for. */
export interface ProjectDetails {
  projectId: string;
  name: string;
  owner: string;
  fund: string;
  programme: string;
  specificObjective: string;
  region: string;
  startDate: IsoDate;
  endDate: IsoDate;
  plannedParticipants: number;
}

export type ProjectRegistered = { type: 'ProjectRegistered'; data: ProjectDetails };
export type ProjectEvent = ProjectRegistered;

export type RegisterProject = { type: 'RegisterProject'; data: ProjectDetails };
export type ProjectCommand = RegisterProject;

export type ProjectState = { status: 'unregistered' } | { status: 'registered'; details: ProjectDetails };

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve: (_state, event) => ({ status: 'registered', details: event.data }),

  decide(command, state) {
    const { data } = command;
    if (state.status === 'registered') {
      throw conflict('PROJECT.ALREADY_REGISTERED', `Project ${data.projectId} is already registered`);
    }
    if (data.endDate < data.startDate) {
      throw ruleBroken('PROJECT.INVALID_PERIOD', 'A project cannot end before it starts');
    }
    if (!Number.isInteger(data.plannedParticipants) || data.plannedParticipants < 1) {
      throw ruleBroken('PROJECT.INVALID_PLANNED_PARTICIPANTS', 'Planned participants must be a positive whole number');
    }
    return [{ type: 'ProjectRegistered', data }];
  },
};
