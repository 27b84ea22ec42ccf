// Non-monetary compensation (Stark law, 42 CFR 411.357(k)): gifts, meals and events given to a
// physician are capped per calendar year; CMS adjusts the cap each year (CY2025: $519). The cap
// is a setting; we warn once a physician's year-to-date total reaches a share of it.

export const SPEND_LIMIT_SETTING = 'spend_annual_limit_usd';
export const SPEND_WARN_SETTING = 'spend_warning_ratio';
export const DEFAULT_SPEND_LIMIT_USD = 519;
export const DEFAULT_WARNING_RATIO = 0.8;
export const SPEND_CATEGORIES = ['meal', 'gift', 'event', 'education', 'travel', 'other'] as const;
export type SpendCategory = (typeof SPEND_CATEGORIES)[number];

export type SpendLevel = 'ok' | 'near' | 'over';
export type SpendStatus = {
  totalUsd: number;
  limitUsd: number;
  remainingUsd: number;
  level: SpendLevel;
  message: string | null;
};

/** Money in cents to avoid float drift when summing many small meals. */
const cents = (usd: number) => Math.round(usd * 100);

export function spendStatus(
  amountsUsd: number[],
  limitUsd: number,
  warnRatio = DEFAULT_WARNING_RATIO,
): SpendStatus {
  const totalC = amountsUsd.reduce((s, a) => s + cents(a), 0);
  const limitC = cents(limitUsd);
  const totalUsd = totalC / 100;
  const remainingUsd = (limitC - totalC) / 100;
  let level: SpendLevel = 'ok';
  if (totalC > limitC) level = 'over';
  else if (limitC > 0 && totalC >= Math.round(limitC * warnRatio)) level = 'near';
  const fmt = (c: number) => `$${(c / 100).toFixed(2)}`;
  const message =
    level === 'over'
      ? `Over the annual limit: ${fmt(totalC)} of ${fmt(limitC)} (${fmt(totalC - limitC)} over)`
      : level === 'near'
        ? `Near the annual limit: ${fmt(totalC)} of ${fmt(limitC)} (${fmt(limitC - totalC)} left)`
        : null;
  return { totalUsd, limitUsd: limitC / 100, remainingUsd, level, message };
}
