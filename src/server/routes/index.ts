// Every route module, registered in one place. Adding a resource: create
// src/server/routes/<resource>/index.ts exporting `default async function (app, ctx)` and list it here.
import type { App, ServerContext } from '../context';
import authRoutes from './auth';
import systemRoutes from './system';
import userRoutes from './users';

export const routeModules: ((app: App, ctx: ServerContext) => Promise<void>)[] = [
  authRoutes,
  userRoutes,
  systemRoutes,
];
