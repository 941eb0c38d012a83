export * from './backup-manifest';
export * from './backup-refused.error';
export * from './file-checksum';
export * from './restore-backup';
export * from './store-facts';
export * from './take-backup';
export * from './verify-backup';
