export { ROV_DEFINITIONS } from './definitions';
export { findEpisodes, monthOfDate } from './episodes';
export { buildEpisodes, estimateReturnOnVisit, summarize } from './estimate';
export { matchControls, segmentOf, volumeBucket } from './match';
export { tQuantile } from './tDistribution';
export * from './types';
