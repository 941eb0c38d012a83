import { fullYearsBetween, participantDecider, ParticipantCommand, ParticipantState, toIsoDate } from '@pathway/domain';
import { apportion, demoSources } from './demo-sources';
import { DemoCommand } from './demo-command';
import { DEMO_AS_OF } from './generate-demo';
import { DEMO_PROJECTS } from './projects/demo-projects';

describe('apportion', () => {
  it('splits in proportion to the weights and adds up exactly', () => {
    expect(apportion(400, [80, 140, 60, 120])).toEqual([80, 140, 60, 120]);
    expect(apportion(1000, [80, 140, 60, 120])).toEqual([200, 350, 150, 300]);
    expect(apportion(7, [80, 140, 60, 120]).reduce((a, b) => a + b)).toBe(7);
    expect(apportion(0, [1, 1])).toEqual([0, 0]);
  });
});

/**
 * Every participant's commands, decided by the real participant decider without a store:
 * a quick check of the domain rules over more participants than the integration test runs.
 */
describe('demo participants', () => {
  const sources = demoSources(3000, 11, DEMO_AS_OF);
  const projects = DEMO_PROJECTS.length;
  const projectOf = new Map(DEMO_PROJECTS.map((p) => [p.details.projectId, p.details]));

  function decideAll(commands: DemoCommand[]) {
    let state: ParticipantState = participantDecider.initialState();
    commands.forEach((command, index) => {
      const today = toIsoDate(new Date(command.at));
      const decided = participantDecider.decide(toDomainCommand(command, today), state);
      state = decided.reduce((s, e) => participantDecider.evolve(s, e, `e${index}`), state);
    });
    return state;
  }

  function toDomainCommand(command: DemoCommand, today: string): ParticipantCommand {
    switch (command.kind) {
      case 'enrol':
        return { type: 'EnrolParticipant', data: command, project: projectOf.get(command.projectId)!, today };
      case 'record':
        return { type: 'RecordMilestone', data: command, today };
      case 'retract':
        return { type: 'RetractMilestone', data: { ...command, eventId: `e${command.target}`, reason: null }, today };
      case 'register':
        throw new Error('A participant source registers no project');
    }
  }

  it('break no participant rule, and are recorded in order, before the cut-off', () => {
    for (let source = projects; source < sources.count; source++) {
      const commands = sources.commandsOf(source);
      expect(() => decideAll(commands)).not.toThrow();
      const instants = commands.map((c) => c.at);
      expect(instants).toEqual([...instants].sort((a, b) => a - b));
      expect(instants.at(-1)!).toBeLessThanOrEqual(DEMO_AS_OF);
    }
  });

  it('are the same when made again, which the merge relies on', () => {
    expect(sources.commandsOf(projects + 1234)).toEqual(sources.commandsOf(projects + 1234));
  });

  it('fit their project: ages at entry and enrolment within the project period', () => {
    for (let source = projects; source < sources.count; source++) {
      const enrol = sources.commandsOf(source)[0]!;
      if (enrol.kind !== 'enrol') throw new Error(`source ${source} does not start with an enrolment`);
      const project = DEMO_PROJECTS.find((p) => p.details.projectId === enrol.projectId)!;
      expect(enrol.enrolledOn >= project.details.startDate && enrol.enrolledOn <= project.details.endDate).toBe(true);
      const birth = enrol.profile.birthDate;
      if (birth === null) continue;
      const [min, max] = project.cohort.ages;
      const age = fullYearsBetween(birth, enrol.enrolledOn);
      expect(age >= min && age <= max).toBe(true);
    }
  });
});
