#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so a checkout needs no build step for the server.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = dirname(dirname(fileURLToPath(import.meta.url)));
await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
