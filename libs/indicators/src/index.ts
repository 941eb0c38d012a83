export * from './participant-facts';
export * from './participant-outcome';
export * from './derive-outcome';
