export * from './command-context';
export * from './event-envelope';
export * from './handle-command';
export * from './name-based-uuid';
export * from './streams';
export * from './project-commands';
export * from './participant-commands';
