// Every route module, registered in one place. Adding a resource: create
// src/server/routes/<resource>/index.ts exporting `default async function (app, ctx)` and list it here.
import type { App, ServerContext } from '../context';
import activityRoutes from './activities';
import alertRoutes from './alerts';
import auditRoutes from './audit';
import authRoutes from './auth';
import backupRoutes from './backups';
import calendarRoutes from './calendar';
import contactRoutes from './contacts';
import crmExportRoutes from './crm-export';
import crmImportRoutes from './crm-import';
import dashboardRoutes from './dashboards';
import directoryAdminRoutes from './directory-admin';
import fhirRoutes from './fhir';
import goalRoutes from './goals';
import marketRoutes from './market';
import networkRoutes from './network';
import notesSearchRoutes from './notes-search';
import notificationRoutes from './notifications';
import organizationRoutes from './organizations';
import organizationCrmRoutes from './organizations-crm';
import issueRoutes from './physician-issues';
import providerRoutes from './providers';
import referralRoutes from './referrals';
import relationshipRoutes from './relationships';
import reportRoutes from './reports';
import routePlannerRoutes from './routes-planner';
import savedViewRoutes from './saved-views';
import sessionRoutes from './sessions';
import spendRoutes from './spend';
import syncRoutes from './sync';
import systemRoutes from './system';
import targetListRoutes from './target-lists';
import targetRoutes from './targets';
import taskRoutes from './tasks';
import territoryRoutes from './territories';
import timelineRoutes from './timeline';
import tokenRoutes from './tokens';
import userRoutes from './users';
import watchRoutes from './watches';

export const routeModules: ((app: App, ctx: ServerContext) => Promise<void>)[] = [
  authRoutes,
  auditRoutes,
  sessionRoutes,
  tokenRoutes,
  backupRoutes,
  fhirRoutes,
  userRoutes,
  systemRoutes,
  // provider directory
  providerRoutes,
  organizationRoutes,
  directoryAdminRoutes,
  // saved views of the list pages (per user, some shared)
  savedViewRoutes,
  // a user's notifications (work assigned to them, new alerts in their territory)
  notificationRoutes,
  watchRoutes,
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
  crmImportRoutes,
  crmExportRoutes,
  // referral analytics
  referralRoutes,
  marketRoutes,
  alertRoutes,
  // network intelligence and targets
  networkRoutes,
  targetRoutes,
  targetListRoutes,
  // route planner
  routePlannerRoutes,
  // field app (offline sync)
  syncRoutes,
  // goals, dashboards, reports, calendar feed
  goalRoutes,
  dashboardRoutes,
  reportRoutes,
  calendarRoutes,
];
