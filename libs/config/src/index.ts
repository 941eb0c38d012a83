export * from './environment';
export * from './open-event-store';
