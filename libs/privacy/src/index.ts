export * from './sealed-box';
export * from './personal-data';
export * from './key-store';
export * from './postgres-key-store';
export * from './master-keys';
export * from './data-key';
export * from './open-sealed';
export * from './blind-index';
