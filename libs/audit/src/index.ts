export * from './audit-log';
export * from './sqlite-audit-log';
export * from './postgres-audit-log';
