// Network intelligence core: pure graph metrics over typed arrays (no I/O).
export * from './betweenness';
export * from './degree';
export * from './ego';
export * from './graph';
export * from './louvain';
export * from './pagerank';
export * from './paths';
