export * from './generate-demo';
export * from './random';
export * from './projects/demo-project';
export * from './projects/demo-projects';
