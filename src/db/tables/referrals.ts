// Table types for referral analytics (migration 20261127_0300_referrals).
import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
export type ReferralSource = 'ehr' | 'fhir';
export type ReferralStatus = 'pending' | 'scheduled' | 'completed' | 'lost';
export const REFERRAL_STATUSES: readonly ReferralStatus[] = ['pending', 'scheduled', 'completed', 'lost'];
export type AlertStatus = 'new' | 'acknowledged' | 'assigned' | 'resolved';

export interface ReferralTables {
  referral_facts: {
    id: Generated<number>;
    fact_key: string;
    source: ReferralSource;
    referring_npi: string;
    receiving_npi: string | null;
    receiving_facility: string | null;
    dest_org_id: number | null;
    dest_provider_npi: string | null;
    service_line: string;
    referral_date: DateCol;
    month: DateCol;
    status: ReferralStatus;
    count: number;
    external_id: string | null;
    import_job_id: number | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  referral_stage: {
    job_id: number;
    line: number;
    fact_base: string;
    source: ReferralSource;
    referring_npi: string;
    receiving_npi: string | null;
    receiving_facility: string | null;
    dest_org_id: number | null;
    dest_provider_npi: string | null;
    service_line: string;
    referral_date: DateCol;
    status: ReferralStatus;
    count: number;
    external_id: string | null;
  };
  referral_monthly: {
    referring_npi: string;
    month: DateCol;
    service_line: string;
    dest_org_id: number;
    dest_provider_npi: string;
    source: string;
    count: number;
  };
  shared_patient_links: {
    year: number;
    window_days: number;
    npi_from: string;
    npi_to: string;
    pair_count: number;
    bene_count: number;
    same_day_count: number;
    import_job_id: number | null;
  };
  provider_volumes: {
    npi: string;
    year: number;
    provider_type: string | null;
    tot_benes: number | null;
    tot_srvcs: number | null;
    tot_bene_day_srvcs: number | null;
    tot_mdcr_pymt_amt: number | null;
    import_job_id: number | null;
  };
  alert_runs: {
    id: Generated<number>;
    as_of: DateCol;
    started_at: Generated<Date>;
    duration_ms: number;
    tested: number;
    dispersion: unknown;
    alerts_found: number;
    alerts_new: number;
    options: unknown;
    trigger: string;
  };
  alerts: {
    id: Generated<number>;
    referring_npi: string;
    service_line: string;
    target: 'ours' | 'competitor';
    direction: 'drop' | 'rise';
    test: 'share' | 'volume';
    as_of: DateCol;
    start_month: DateCol;
    window_months: number;
    baseline_from: DateCol;
    baseline_to: DateCol;
    recent_from: DateCol;
    recent_to: DateCol;
    baseline_rate: number;
    recent_rate: number;
    expected_recent: number;
    observed_recent: number;
    ratio: number;
    p_value: number;
    q_value: number;
    evidence: unknown;
    sources: string;
    data_date: string | null;
    run_id: number | null;
    status: Generated<AlertStatus>;
    assignee_user_id: number | null;
    note: string | null;
    resolved_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  /** each referrer's segment over the rollup's last 12 months (commands/referrals/segments.ts) */
  referrer_segments: {
    npi: string;
    segment: string;
    share: number | null;
    volume: number;
  };
}
