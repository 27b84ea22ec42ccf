// The database's table types, one interface per area (src/db/tables/<area>.ts), composed here.
// Adding an area: write its migration in src/db/migrations and its table types, then extend DB below.
import type { FoundationTables } from './tables/foundation';

export interface DB extends FoundationTables {}
