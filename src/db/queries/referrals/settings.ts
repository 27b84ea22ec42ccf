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
  };
}

export async function saveReferralSettings(
  db: Kysely<DB>,
  patch: {
    thresholds?: Partial<SegmentThresholds>;
    valuePerCase?: Record<string, number>;
    detector?: Partial<DetectorOptions>;
  },
) {
  const cur = (await getSetting<Partial<ReferralSettings>>(db, 'referrals')) ?? {};
  const next = {
    ...cur,
    ...(patch.thresholds ? { thresholds: { ...(cur.thresholds ?? {}), ...patch.thresholds } } : {}),
    ...(patch.valuePerCase ? { valuePerCase: patch.valuePerCase } : {}),
    ...(patch.detector ? { detector: { ...(cur.detector ?? {}), ...patch.detector } } : {}),
  };
  await putSetting(db, 'referrals', next);
  return getReferralSettings(db);
}
