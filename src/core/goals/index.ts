export * from './metrics';
export * from './progress';
