export * from './contracts/participant-milestone.v1';
export * from './contracts/indicator-report.v1';
export * from './kafka-relay';
