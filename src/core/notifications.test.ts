import { describe, expect, it } from 'vitest';
import {
  alertsNew,
  bookAssigned,
  clip,
  DETAIL_MAX,
  importEnded,
  overdueReminder,
  TITLE_MAX,
  taskAssigned,
} from './notifications';

describe('notification words', () => {
  it('clips long text at a word-safe length with an ellipsis, and folds white space', () => {
    expect(clip('  a   b\n c ', 10)).toBe('a b c');
    expect(clip('abcdefghij', 10)).toBe('abcdefghij');
    expect(clip('abcdefghijk', 10)).toBe('abcdefghi…');
    expect(clip('abcd efghijk', 6)).toBe('abcd…'); // the space before the cut is dropped
  });

  it('keeps a task title within the column limits', () => {
    const n = taskAssigned('Dana Whitfield', { id: 7, title: 'x'.repeat(400), dueOn: null, about: null });
    expect(n.title.length).toBe(TITLE_MAX);
    expect(n.title.startsWith('Dana Whitfield assigned you a task: xxx')).toBe(true);
    expect(n.detail).toBe('no due date');
    expect(n.detail.length).toBeLessThanOrEqual(DETAIL_MAX);
  });

  it('names the first three physicians of a book change and counts the rest', () => {
    expect(bookAssigned('Dana', ['A, MD', 'B, DO', 'C, NP'], 1204)).toMatchObject({
      title: 'Dana added 1,204 physicians to your book',
      detail: 'A, MD, B, DO, C, NP and 1,201 others',
    });
    expect(bookAssigned('Dana', ['A, MD', 'B, DO', 'C, NP'], 4).detail).toBe(
      'A, MD, B, DO, C, NP and 1 other',
    );
    expect(bookAssigned('Dana', ['A, MD'], 1).title).toBe('Dana added 1 physician to your book');
  });

  it('says where new alerts are and how fresh their data is', () => {
    expect(alertsNew(1, 'territory', '2026-10-31')).toMatchObject({
      title: '1 new shifting-referrer alert in your territory',
      detail: 'Found in internal referrals through 2026-10-31',
    });
    expect(alertsNew(12, 'market', null)).toMatchObject({
      title: '12 new shifting-referrer alerts in the market',
      detail: 'Found in internal referrals',
    });
  });

  it('says how an import ended: the counts that are not zero, or why it failed', () => {
    const job = {
      id: 9,
      fileName: 'npidata.csv',
      read: 12000,
      inserted: 0,
      updated: 7,
      rejected: 0,
      message: null,
    };
    expect(importEnded({ ...job, status: 'succeeded' })).toMatchObject({
      title: 'Import finished: npidata.csv',
      detail: '12,000 rows read · 7 updated',
      link: '/admin/imports?job=9',
    });
    expect(
      importEnded({ ...job, status: 'failed', message: 'interrupted (the importing process stopped)' }),
    ).toMatchObject({
      title: 'Import failed: npidata.csv',
      detail: 'interrupted (the importing process stopped)',
    });
  });

  it('writes the morning reminder in sentences, mine first, then what nobody owns', () => {
    const none = { count: 0, oldest: [] };
    expect(overdueReminder('2026-06-01', none, none)).toBeNull();
    expect(
      overdueReminder('2026-06-01', { count: 1, oldest: ['Pads'] }, none, {
        count: 2,
        oldest: ['Fax', 'Bills'],
      }),
    ).toMatchObject({
      title: 'You have 1 overdue task; 2 physician issues open more than 30 days have no owner',
      detail: 'Oldest: Pads · Fax · Bills',
      link: '/tasks?overdue=true',
      entityId: '2026-06-01',
    });
  });
});
