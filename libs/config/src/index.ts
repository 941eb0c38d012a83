export * from './environment';
export * from './open-event-store';
export * from './read-model-db-config';
