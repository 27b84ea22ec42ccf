// Every route module, registered in one place. Adding a resource: create
// src/server/routes/<resource>/index.ts exporting `default async function (app, ctx)` and list it here.
import type { App, ServerContext } from '../context';
import activityRoutes from './activities';
import contactRoutes from './contacts';
import notesSearchRoutes from './notes-search';
import organizationCrmRoutes from './organizations-crm';
import issueRoutes from './physician-issues';
import relationshipRoutes from './relationships';
import spendRoutes from './spend';
import taskRoutes from './tasks';
import territoryRoutes from './territories';
import timelineRoutes from './timeline';
import auditRoutes from './audit';
import authRoutes from './auth';
import sessionRoutes from './sessions';
import systemRoutes from './system';
import tokenRoutes from './tokens';
import userRoutes from './users';
import alertRoutes from './alerts';
import marketRoutes from './market';
import referralRoutes from './referrals';

export const routeModules: ((app: App, ctx: ServerContext) => Promise<void>)[] = [
  authRoutes,
  auditRoutes,
  sessionRoutes,
  tokenRoutes,
  userRoutes,
  systemRoutes,
  // relationship management (CRM)
  activityRoutes,
  taskRoutes,
  issueRoutes,
  contactRoutes,
  relationshipRoutes,
  spendRoutes,
  territoryRoutes,
  timelineRoutes,
  notesSearchRoutes,
  organizationCrmRoutes,
  // referral analytics
  referralRoutes,
  marketRoutes,
  alertRoutes,
];
