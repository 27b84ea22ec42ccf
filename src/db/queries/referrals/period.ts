// Market periods: "3m", "6m", "12m", "24m" (months ending at the data date) or "YYYY-MM..YYYY-MM".
import { formatMonth, type MonthIndex, parseMonth } from '../../../core/referrals/months';

export class PeriodError extends Error {
  expected = true;
}

export function resolvePeriod(
  period: string | undefined,
  dataDate: string | null,
  now = new Date(),
): { from: MonthIndex; to: MonthIndex; label: string } {
  const end = dataDate ? parseMonth(dataDate) : now.getUTCFullYear() * 12 + now.getUTCMonth();
  const p = (period ?? '12m').trim();
  const rel = /^(\d{1,2})m$/.exec(p);
  if (rel) {
    const n = Number(rel[1]);
    if (n < 1 || n > 60) throw new PeriodError('period: between 1m and 60m');
    return { from: end - n + 1, to: end, label: `${formatMonth(end - n + 1)}..${formatMonth(end)}` };
  }
  const abs = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(p);
  if (abs) {
    let from: number;
    let to: number;
    try {
      from = parseMonth(abs[1]!);
      to = parseMonth(abs[2]!);
    } catch {
      throw new PeriodError('period: months must be YYYY-MM');
    }
    if (to < from || to - from > 120)
      throw new PeriodError('period: the end must follow the start, at most 10 years apart');
    return { from, to, label: p };
  }
  throw new PeriodError('period: use 3m, 6m, 12m, 24m or YYYY-MM..YYYY-MM');
}
