import { describe, expect, it } from 'vitest';
import { changedFields, effectivePatch, fieldsChangedSince, snapshot } from './concurrency';
import { agingBucket, agingSummary, daysOpen } from './issueAging';
import { canEditOwned, defaultScope } from './permissions';
import { spendStatus } from './spendLimit';
import { taskOverdue } from './tasks';
import { countyFips, inTerritory, normalizeArea, zip5 } from './territory';
import { addDays, countsAsVisit, daysBetween, visitStatus } from './visitCadence';

describe('visit cadence', () => {
  it('counts calendar days across month and leap-year ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // 29 Feb exists in 2024
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });
  it('monthly = 30 days after the last in-person visit; one day later is overdue by 1', () => {
    expect(visitStatus('monthly', '2026-10-01', '2026-10-31')).toMatchObject({
      dueOn: '2026-10-31',
      overdue: false,
    });
    expect(visitStatus('monthly', '2026-10-01', '2026-11-01')).toMatchObject({
      overdue: true,
      daysOverdue: 1,
    });
  });
  it('weekly from a timestamp, quarterly = 91 days', () => {
    expect(visitStatus('weekly', new Date('2026-11-02T15:00:00Z'), '2026-11-20')).toMatchObject({
      dueOn: '2026-11-09',
      daysOverdue: 11,
    });
    expect(visitStatus('quarterly', '2026-01-01', '2026-04-02').dueOn).toBe('2026-04-02');
  });
  it('never visited with a frequency is overdue; no frequency is never overdue', () => {
    expect(visitStatus('biweekly', null, '2026-11-27')).toMatchObject({ overdue: true, daysOverdue: null });
    expect(visitStatus(null, '2020-01-01', '2026-11-27').overdue).toBe(false);
  });
  it('only in-person types count as visits', () => {
    expect(['in_person_visit', 'drop_in', 'lunch_and_learn'].every(countsAsVisit)).toBe(true);
    expect(['call', 'email', 'virtual', 'event'].some(countsAsVisit)).toBe(false);
  });
});

describe('issue aging', () => {
  it('days open stop at resolution', () => {
    expect(daysOpen('2026-11-01', null, '2026-11-27')).toBe(26);
    expect(daysOpen('2026-11-01', '2026-11-05', '2026-11-27')).toBe(4);
  });
  it('bucket edges: 7|8, 30|31, 90|91', () => {
    expect([0, 7, 8, 30, 31, 90, 91, 400].map(agingBucket)).toEqual([
      '0-7',
      '0-7',
      '8-30',
      '8-30',
      '31-90',
      '31-90',
      '90+',
      '90+',
    ]);
  });
  it('summary counts unresolved issues only, with their ids', () => {
    const s = agingSummary(
      [
        { id: 1, openedOn: '2026-11-25', status: 'open' },
        { id: 2, openedOn: '2026-10-01', status: 'in_progress' },
        { id: 3, openedOn: '2026-01-01', status: 'resolved' },
        { id: 4, openedOn: '2026-06-01', status: 'open' },
      ],
      '2026-11-27',
    );
    expect(s['0-7']).toEqual({ count: 1, ids: [1] });
    expect(s['8-30']).toEqual({ count: 0, ids: [] });
    expect(s['31-90']).toEqual({ count: 1, ids: [2] }); // 57 days
    expect(s['90+']).toEqual({ count: 1, ids: [4] }); // 179 days
  });
});

describe('spend limit', () => {
  it('sums in cents (0.1 + 0.2 is exactly 0.30) and warns at 80 %', () => {
    expect(spendStatus([0.1, 0.2], 519).totalUsd).toBe(0.3);
    expect(spendStatus([400, 15.21], 519)).toMatchObject({ level: 'near', remainingUsd: 103.79 }); // 415.21 ≥ 415.20
  });
  it('level edges', () => {
    expect(spendStatus([415.19], 519).level).toBe('ok'); // 80 % of 519 = 415.20
    expect(spendStatus([415.2], 519).level).toBe('near');
    expect(spendStatus([519], 519).level).toBe('near');
    const over = spendStatus([500, 19.01], 519);
    expect(over.level).toBe('over');
    expect(over.message).toBe('Over the annual limit: $519.01 of $519.00 ($0.01 over)');
  });
});

describe('territory', () => {
  it('normalizes zips and FIPS', () => {
    expect(zip5('98101-1234')).toBe('98101');
    expect(zip5('981011234')).toBe('98101');
    expect(zip5('9810')).toBeNull();
    expect(countyFips('6037')).toBe('06037');
    expect(normalizeArea({ zips: ['98101', '98101', 'x'], counties: ['53033'] })).toEqual({
      zips: ['98101'],
      counties: ['53033'],
      rejected: ['zip x'],
    });
  });
  it('membership by zip or county', () => {
    const t = { zips: ['98101'], counties: ['53061'] };
    expect(inTerritory(t, { zip: '981011111' })).toBe(true);
    expect(inTerritory(t, { zip: '98052', countyFips: '53061' })).toBe(true);
    expect(inTerritory(t, { zip: '98052', countyFips: '53033' })).toBe(false);
  });
});

describe('optimistic concurrency helpers', () => {
  it('diffs and filters history by version', () => {
    expect(changedFields({ a: 1, b: [1] }, { a: 1, b: [1, 2], c: null })).toEqual(['b']);
    const hist = [
      { version: 2, before: { tier: 'B' }, after: { tier: 'A' } },
      { version: 3, before: { tags: [] }, after: { tags: ['x'] } },
      { version: 4, before: { owner: 1 }, after: { owner: 2 } },
    ];
    expect(fieldsChangedSince(hist, 2)).toEqual(['owner', 'tags']);
    expect(fieldsChangedSince(hist, 4)).toEqual([]);
  });
  it('drops no-op fields from a patch', () => {
    expect(effectivePatch({ tier: 'A', tags: ['x'] }, { tier: 'A', tags: ['x', 'y'] })).toEqual({
      tags: ['x', 'y'],
    });
    expect(snapshot({ tier: 'A' }, { tier: 'B' })).toEqual({ before: { tier: 'A' }, after: { tier: 'B' } });
  });
});

describe('tasks and permissions', () => {
  it('overdue only while open', () => {
    expect(taskOverdue({ status: 'open', dueOn: '2026-11-20' }, '2026-11-27')).toEqual({
      overdue: true,
      daysOverdue: 7,
    });
    expect(taskOverdue({ status: 'done', dueOn: '2026-11-20' }, '2026-11-27').overdue).toBe(false);
    expect(taskOverdue({ status: 'open', dueOn: '2026-11-27' }, '2026-11-27').overdue).toBe(false);
  });
  it('liaison edits own, manager edits team, analyst never', () => {
    expect(canEditOwned({ id: 5, role: 'liaison' }, { ownerId: 5, ownerManagerId: 9 })).toBe(true);
    expect(canEditOwned({ id: 6, role: 'liaison' }, { ownerId: 5, ownerManagerId: 9 })).toBe(false);
    expect(canEditOwned({ id: 9, role: 'manager' }, { ownerId: 5, ownerManagerId: 9 })).toBe(true);
    expect(canEditOwned({ id: 8, role: 'manager' }, { ownerId: 5, ownerManagerId: 9 })).toBe(false);
    expect(canEditOwned({ id: 1, role: 'analyst' }, { ownerId: 1, ownerManagerId: null })).toBe(false);
    expect(defaultScope('liaison')).toBe('mine');
  });
});

import { localToInstant } from './localTime';

describe('local market time', () => {
  it('converts wall-clock times with DST (Chicago: CST -6 in March before the 8th, CDT -5 after)', () => {
    expect(localToInstant('2026-03-04T09:30:00', 'America/Chicago')?.toISOString()).toBe(
      '2026-03-04T15:30:00.000Z',
    );
    expect(localToInstant('2026-07-01T09:30:00', 'America/Chicago')?.toISOString()).toBe(
      '2026-07-01T14:30:00.000Z',
    );
    expect(localToInstant('2026-07-01T09:30:00Z', 'America/Chicago')?.toISOString()).toBe(
      '2026-07-01T09:30:00.000Z',
    );
    expect(localToInstant('2026-02-30T09:30', 'UTC')).toBeNull();
    expect(localToInstant('yesterday', 'UTC')).toBeNull();
  });
});
