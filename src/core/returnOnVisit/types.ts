// Inputs and outputs of the return-on-visit estimator. Months are indexes from core/referrals/months.

export interface RovPhysician {
  npi: string;
  specialty: string;
  county: string;
  /** Referrals to our network per month, keyed by month index. */
  toUs: Map<number, number>;
  /** All referrals (any destination) per month, for the loyalty segment at the time. */
  total: Map<number, number>;
}

export interface RovVisit {
  npi: string;
  date: string; // YYYY-MM-DD
  /** Groups this visit counts for, e.g. 'all', 'liaison:5', 'type:drop_in', 'campaign:growth-target'. */
  groups: readonly string[];
}

export interface RovOptions {
  /** Window length N in months before and after the visit month (which is excluded as transitional). */
  windowMonths: number;
  /** First month the activity log covers: a pre-window must lie inside it to prove "not visited before". */
  coverageStartMonth: number;
  /** First and last month with referral data. */
  firstDataMonth: number;
  lastDataMonth: number;
  /** Fewest matched controls an episode needs at a matching level before the next, coarser level is tried. */
  minControls: number;
  /** Two-sided interval level, e.g. 0.9. */
  level: number;
}

export const DEFAULT_ROV_OPTIONS: Omit<
  RovOptions,
  'coverageStartMonth' | 'firstDataMonth' | 'lastDataMonth'
> = {
  windowMonths: 3,
  minControls: 5,
  level: 0.9,
};

export interface RovEpisode {
  npi: string;
  visitDate: string;
  visitMonth: number;
  groups: readonly string[];
  treatedPre: number; // mean referrals/month to us in the pre window
  treatedPost: number;
  controlPre: number; // mean over matched controls
  controlPost: number;
  controls: number;
  matchLevel: 0 | 1 | 2; // 0 specialty+county+segment+volume, 1 without county, 2 segment+volume only
  effect: number; // (post − pre) − (control post − control pre), referrals/month
}

export interface RovEstimate {
  group: string;
  estimate: number; // referrals/month
  low: number;
  high: number;
  level: number;
  se: number;
  episodes: number;
  physicians: number;
  medianControls: number;
  treatedPre: number;
  treatedPost: number;
  controlPre: number;
  controlPost: number;
  statement: string;
}
