export * from './environment';
export * from './open-event-store';
export * from './read-model-db-config';
export * from './secret-file';
export * from './open-auth';
export * from './open-key-store';
export * from './open-audit-log';
