// Shapes and defaults of the shifting-referrer detector (see shiftDetector.ts, docs/alerts.md).
export type ShiftTarget = 'ours' | 'competitor';
export type ShiftDirection = 'drop' | 'rise';

export interface ShiftSeries {
  referringNpi: string;
  /** a service-line key, or 'all' for the physician's total */
  serviceLine: string;
  target: ShiftTarget;
  /** counts to the target for months firstMonth..asOf */
  counts: readonly number[];
  /** the physician's total referrals in the same line and months (needed for mode 'share') */
  totals?: readonly number[];
}

export type TestMode = 'share' | 'volume';

export interface DetectorOptions {
  mode: TestMode | 'auto';
  alpha: number;
  windows: readonly number[];
  baselineMonths: number;
  minBaselineMonths: number;
  /** drops are tested only when the baseline averages at least this many referrals a month */
  minBaselinePerMonth: number;
  /** rises need at least this many more referrals than expected in the window */
  minAbsoluteRise: number;
  minRelativeChange: number;
  /** fixed overdispersion; estimated from the data when undefined */
  dispersion?: number;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  mode: 'auto',
  alpha: 0.05,
  windows: [3, 6, 9, 12],
  baselineMonths: 24,
  minBaselineMonths: 6,
  minBaselinePerMonth: 1,
  minAbsoluteRise: 6,
  minRelativeChange: 0.2,
};

export interface ShiftAlert {
  referringNpi: string;
  serviceLine: string;
  target: ShiftTarget;
  direction: ShiftDirection;
  /** which test found it: the destination mix ('share') or the volume against the market ('volume') */
  test: TestMode;
  windowMonths: number;
  baselineFrom: string;
  baselineTo: string;
  recentFrom: string;
  recentTo: string;
  /** raw referrals per month in the baseline and in the recent window */
  baselineRate: number;
  recentRate: number;
  /** what the baseline predicts for the recent window, after the market (seasonal) adjustment */
  expectedRecent: number;
  observedRecent: number;
  /** observed / expected */
  ratio: number;
  pValue: number;
  qValue: number;
  startMonth: string;
  /** monthly counts and seasonal expectation from the baseline start (the evidence chart) */
  /**
   * monthly counts and expectation from the baseline start (the evidence chart); for share tests also
   * the share of the physician's referrals going to the target, baseline vs recent window
   */
  evidence: {
    months: string[];
    observed: number[];
    expected: number[];
    baselineShare: number | null;
    recentShare: number | null;
  };
}

export interface DetectorResult {
  asOf: string;
  tested: number;
  /** overdispersion used by each kind of test (1 = Poisson/binomial noise only) */
  dispersion: Record<TestMode, number>;
  alerts: ShiftAlert[];
}
