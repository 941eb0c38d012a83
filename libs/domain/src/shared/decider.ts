/**
 * An aggregate's behaviour as three pure functions. `evolve` also receives the event id,
 * because later events (retractions) refer to earlier ones by it.
 */
export interface Decider<Command, Event, State> {
  initialState(): State;
  evolve(state: State, event: Event, eventId: string): State;
  decide(command: Command, state: State): Event[];
}
