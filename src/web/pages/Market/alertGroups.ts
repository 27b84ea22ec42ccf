// The inbox's entries: a physician's alerts per service line together (core/referrals/shiftGroups.ts).
import { groupShifts } from '../../../core/referrals/shiftGroups';
import type { Alert } from './api';

/** Alerts grouped by physician × service line, in the order of each group's first (most significant) alert. */
export const groupAlerts = (items: readonly Alert[]): Alert[][] =>
  groupShifts(items, (a) => `${a.referringNpi}|${a.serviceLine}`);

/** The group's start: its earliest alert's start month. */
export const groupStart = (g: readonly Alert[]) => g.map((a) => a.startMonth).sort()[0]!;

/** The group's strongest evidence: its smallest q-value. */
export const groupQ = (g: readonly Alert[]) => Math.min(...g.map((a) => a.qValue));
