export * from './event-store';
export * from './errors';
export * from './sqlite/sqlite-event-store';
export * from './kurrentdb/kurrentdb-event-store';
export * from './commit-time';
export * from './storage/storage-failure';
export * from './storage/retry-while-busy';
