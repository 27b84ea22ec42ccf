// Scores detector alerts against a demo market's ground_truth.json (docs/formats/ground_truth.md).
//   recall: of the drift events that qualify (≥ 4 referrals/month to us, ≥ 40 % drop), the share with
//           a drop alert (any service line) at the final month;
//   precision: of all alerts at the final month, those explained by an injected event — a drop by a
//           drift_away, a rise to competitors by a drift_away or competitor_rise; anything else is false;
//   delay: months from an event's start to the first monthly run that flags it (qualifying events found).
import type { ShiftAlert } from '../../src/core/referrals/shiftDetector';
import { parseMonth } from '../../src/core/referrals/months';

export interface GroundTruthEvent {
  type: string;
  npi: string;
  start_month: string;
  qualifies_drop_alert?: boolean;
  drop_fraction?: number;
  baseline_rate_to_us?: number;
}

export function explains(a: ShiftAlert, ev: GroundTruthEvent | undefined): boolean {
  if (!ev) return false;
  if (a.direction === 'drop') return ev.type === 'drift_away';
  return ev.type === 'drift_away' || ev.type === 'competitor_rise';
}

export function score(events: GroundTruthEvent[], finalAlerts: ShiftAlert[], firstFlag: Map<string, string>) {
  const byNpi = new Map(events.map((e) => [e.npi, e]));
  const tp = finalAlerts.filter((a) => explains(a, byNpi.get(a.referringNpi)));
  const fp = finalAlerts.filter((a) => !explains(a, byNpi.get(a.referringNpi)));
  const qualifying = events.filter((e) => e.qualifies_drop_alert);
  const dropNpis = new Set(finalAlerts.filter((a) => a.direction === 'drop').map((a) => a.referringNpi));
  const found = qualifying.filter((e) => dropNpis.has(e.npi));
  const delays = found
    .map((e) => (firstFlag.has(e.npi) ? parseMonth(firstFlag.get(e.npi)!) - parseMonth(e.start_month) : null))
    .filter((d): d is number => d !== null)
    .sort((x, y) => x - y);
  const drift = events.filter((e) => e.type === 'drift_away');
  return {
    alerts: finalAlerts.length,
    truePositives: tp.length,
    falsePositives: fp.length,
    precision: finalAlerts.length ? tp.length / finalAlerts.length : 1,
    qualifying: qualifying.length,
    found: found.length,
    recall: qualifying.length ? found.length / qualifying.length : 1,
    medianDelayMonths: delays.length ? delays[Math.floor((delays.length - 1) / 2)]! : null,
    driftEventsFlagged: `${drift.filter((e) => dropNpis.has(e.npi)).length}/${drift.length}`,
    falsePositiveNpis: fp.map((a) => `${a.referringNpi}:${a.serviceLine}:${a.direction}:${byNpi.get(a.referringNpi)?.type ?? 'none'}`),
    missed: qualifying.filter((e) => !dropNpis.has(e.npi)).map((e) => `${e.npi} drop ${e.drop_fraction} of ${e.baseline_rate_to_us}/mo from ${e.start_month}`),
  };
}
