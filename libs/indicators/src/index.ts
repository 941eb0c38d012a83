export * from './participant-facts';
export * from './participant-outcome';
export * from './situation-upon-leaving';
export * from './derive-outcome';
export * from './cohort';
export * from './catalogue-entry';
export * from './catalogue';
export * from './indicator-report';
