// Shared shapes of the referral analytics core (pure data, no I/O).
import type { MonthIndex } from './months';

export const NETWORK_BUCKETS = ['ours', 'affiliated', 'independent', 'competitor', 'unknown'] as const;
/** Where a referral went, by the receiving organization's network status ('unknown' = not resolved). */
export type NetworkBucket = (typeof NETWORK_BUCKETS)[number];

export const SEGMENTS = ['loyalist', 'splitter', 'opportunity', 'low_volume'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** One monthly rollup cell as the metrics see it. */
export interface MonthlyReferralCell {
  month: MonthIndex;
  network: NetworkBucket;
  serviceLine: string;
  /** Stable destination key (organization id or provider NPI) and its label, for "top destinations". */
  destinationKey: string;
  destinationName: string;
  count: number;
}

export interface SegmentThresholds {
  /** share to our network at or above which a physician is a loyalist (default 0.5). */
  loyalist: number;
  /** share below which a physician is an opportunity, given enough volume (default 0.1). */
  opportunity: number;
  /** fewest referrals in the period (in service lines we offer) for a segment other than low_volume. */
  minVolume: number;
}

export const DEFAULT_THRESHOLDS: SegmentThresholds = { loyalist: 0.5, opportunity: 0.1, minVolume: 12 };

/** ours + affiliated: the "our network" side of share and leakage (product.md definitions). */
export const isOurNetwork = (b: NetworkBucket): boolean => b === 'ours' || b === 'affiliated';
