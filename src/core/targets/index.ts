// Target prioritization core: an explainable, weight-tunable score per physician (no I/O).
export * from './explain';
export * from './factors';
export * from './filter';
export * from './score';
export * from './weights';
