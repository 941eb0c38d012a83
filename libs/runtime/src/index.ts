export * from './event-store.module';
export * from './read-models.module';
export * from './rebuild-jobs';
export * from './projector.service';
export * from './kafka-relay.service';
export * from './exportable-report';
export * from './security.module';
export * from './report-cut-off';
