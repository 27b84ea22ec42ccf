// Referral analytics settings (the settings table): segment thresholds, value per case per service
// line, and detector options. Defaults apply until an admin saves their own.
import type { Kysely } from 'kysely';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from '../../../core/referrals/shiftDetector';
import { DEFAULT_THRESHOLDS, type SegmentThresholds } from '../../../core/referrals/types';
import type { DB } from '../../schema';
import { getSetting, putSetting } from '../settings';

export interface ReferralSettings {
  thresholds: SegmentThresholds;
  /** estimated value of one case per service line (currency units); lines not listed get no value */
  valuePerCase: Record<string, number>;
  /** true when valuePerCase is still the shipped planning default rather than a customer figure */
  valuePerCaseIsDefault: boolean;
  detector: DetectorOptions;
  /**
   * FHIR referral intake: a ServiceRequest that names no performer was sent to us, so it is counted
   * as received by this organization (NPI or facility code); its service line comes from the
   * requested service's words, else from `serviceLine`. Null receiver: such requests are refused.
   */
  intake: { receiver: string | null; serviceLine: string };
}

/**
 * Planning defaults so a first run shows a value column; every response marks them as defaults
 * until an admin enters the organization's own contribution margin per case.
 */
export const DEFAULT_VALUE_PER_CASE: Record<string, number> = {
  cardiology: 5000,
  orthopedics: 6000,
  oncology: 8000,
  neurosurgery: 9000,
  general_surgery: 4000,
  gastroenterology: 2000,
  urology: 2500,
  imaging: 600,
};

export async function getReferralSettings(db: Kysely<DB>): Promise<ReferralSettings> {
  const s = (await getSetting<Partial<ReferralSettings>>(db, 'referrals')) ?? {};
  return {
    thresholds: { ...DEFAULT_THRESHOLDS, ...(s.thresholds ?? {}) },
    valuePerCase: s.valuePerCase ?? DEFAULT_VALUE_PER_CASE,
    valuePerCaseIsDefault: !s.valuePerCase,
    detector: { ...DEFAULT_DETECTOR_OPTIONS, ...(s.detector ?? {}) },
    intake: { receiver: null, serviceLine: 'other', ...(s.intake ?? {}) },
  };
}

export async function saveReferralSettings(
  db: Kysely<DB>,
  patch: {
    thresholds?: Partial<SegmentThresholds>;
    valuePerCase?: Record<string, number>;
    detector?: Partial<DetectorOptions>;
    intake?: Partial<ReferralSettings['intake']>;
  },
) {
  const cur = (await getSetting<Partial<ReferralSettings>>(db, 'referrals')) ?? {};
  const next = {
    ...cur,
    ...(patch.thresholds ? { thresholds: { ...(cur.thresholds ?? {}), ...patch.thresholds } } : {}),
    ...(patch.valuePerCase ? { valuePerCase: patch.valuePerCase } : {}),
    ...(patch.detector ? { detector: { ...(cur.detector ?? {}), ...patch.detector } } : {}),
    ...(patch.intake ? { intake: { ...(cur.intake ?? {}), ...patch.intake } } : {}),
  };
  await putSetting(db, 'referrals', next);
  return getReferralSettings(db);
}
