// Boots the NPPES reader worker: a worker thread does not inherit the TypeScript loader of the
// process that started it, so register tsx here before importing the TypeScript entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
