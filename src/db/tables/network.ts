// Table types for network intelligence and targets (migration 20261127_0400_network).
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | undefined, string>;

export interface NetworkTables {
  network_edges: {
    source_npi: string;
    target_npi: string;
    referrals: number;
    shared_patients: number;
    weight: number;
    service_lines: ColumnType<string[], string[] | undefined, string[]>;
  };
  network_jobs: {
    id: Generated<number>;
    status: Generated<'running' | 'succeeded' | 'failed'>;
    trigger: string;
    started_by: string | null;
    started_at: Generated<Date>;
    finished_at: Date | null;
    nodes: number | null;
    edges: number | null;
    pagerank_iterations: number | null;
    betweenness_sources: number | null;
    betweenness_exact: boolean | null;
    communities: number | null;
    modularity: number | null;
    duration_ms: number | null;
    peak_rss_mb: number | null;
    phases: Generated<unknown>;
    sources: Generated<unknown>;
    data_date: string | null;
    message: string | null;
  };
  provider_influence: {
    npi: string;
    weighted_degree: number;
    in_strength: number;
    out_strength: number;
    pagerank: number;
    pagerank_pct: number;
    betweenness: number;
    community: number;
    computed_at: Date;
    job_id: number | null;
    source: string;
  };
  target_lists: {
    id: Generated<number>;
    name: string;
    goal: Generated<string>;
    owner_id: number | null;
    filter: Json;
    weights: Json;
    status: Generated<'active' | 'archived'>;
    due_on: string | null;
    version: Generated<number>;
    created_by: number | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  target_list_members: {
    list_id: number;
    npi: string;
    score: number;
    breakdown: Json;
    status: Generated<'open' | 'visited' | 'won' | 'dropped'>;
    added_at: Generated<Date>;
  };
}
