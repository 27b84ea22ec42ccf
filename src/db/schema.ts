// The database's table types, one interface per area (src/db/tables/<area>.ts), composed here.
// Adding an area: write its migration in src/db/migrations and its table types, then extend DB below.
import type { CrmTables } from './tables/crm';
import type { DashboardTables } from './tables/dashboards';
import type { DirectoryTables } from './tables/directory';
import type { FieldTables } from './tables/field';
import type { FoundationTables } from './tables/foundation';
import type { GoalTables } from './tables/goals';
import type { NetworkTables } from './tables/network';
import type { NotificationTables } from './tables/notifications';
import type { ReferralTables } from './tables/referrals';
import type { RouteTables } from './tables/routes';
import type { SavedViewTables } from './tables/savedViews';
import type { TrustTables } from './tables/trust';

export interface DB
  extends FoundationTables,
    CrmTables,
    DirectoryTables,
    ReferralTables,
    TrustTables,
    NetworkTables,
    RouteTables,
    FieldTables,
    GoalTables,
    DashboardTables,
    SavedViewTables,
    NotificationTables {}
