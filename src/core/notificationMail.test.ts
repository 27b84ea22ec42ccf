import { describe, expect, it } from 'vitest';
import { absoluteLink, composeMail, digestOwed, lastDigestDue } from './notificationMail';

const item = (title: string, detail = '', link = '/tasks?task=1') => ({
  title,
  detail,
  link,
  createdAt: new Date(2026, 10, 29, 9),
});

describe('notification e-mail', () => {
  it('joins the public address and the path with one slash', () => {
    expect(absoluteLink('https://r.example.org/', '/tasks?task=3')).toBe(
      'https://r.example.org/tasks?task=3',
    );
    expect(absoluteLink('https://r.example.org', 'goals')).toBe('https://r.example.org/goals');
    expect(absoluteLink('https://r.example.org/rounds/', '/goals')).toBe(
      'https://r.example.org/rounds/goals',
    );
  });

  it('titles one notice by itself, several by their count, a digest as a digest', () => {
    const opts = {
      userName: 'Jordan Pickett',
      publicUrl: 'https://r.example.org',
      kind: 'immediate' as const,
    };
    expect(composeMail([item('Dana assigned you a task: Pads')], opts).subject).toBe(
      'Dana assigned you a task: Pads',
    );
    expect(composeMail([item('a'), item('b')], opts).subject).toBe('2 new notifications in Rounds');
    expect(composeMail([item('a')], { ...opts, kind: 'digest' }).subject).toBe(
      'Rounds daily digest: 1 notification',
    );
    const m = composeMail([item('Dana assigned you a task: Pads', 'Ana Alvarez, MD · due 2026-12-04')], opts);
    expect(m.text).toBe(
      [
        'Hello Jordan,',
        '',
        '• Dana assigned you a task: Pads',
        '  Ana Alvarez, MD · due 2026-12-04',
        '  https://r.example.org/tasks?task=1',
        '',
        'You get these e-mails when something is new; change it under Your account: https://r.example.org/account#notifications',
      ].join('\n'),
    );
  });

  it('escapes what users typed before it goes into HTML', () => {
    const m = composeMail([item('<b>"Tom & Jerry"</b>', "O'Brien <x>")], {
      userName: 'Jo',
      publicUrl: 'https://r.example.org',
      kind: 'immediate',
    });
    expect(m.html).toContain('&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;');
    expect(m.html).toContain('O&#39;Brien &lt;x&gt;');
    expect(m.html).not.toContain('<b>');
  });

  it('owes a digest when the last went out before the latest digest hour', () => {
    const at = (d: number, h: number, min = 0) => new Date(2026, 10, d, h, min);
    expect(lastDigestDue(at(29, 6, 59), 7)).toEqual(at(28, 7));
    expect(lastDigestDue(at(29, 7), 7)).toEqual(at(29, 7));
    expect(lastDigestDue(at(29, 23), 7)).toEqual(at(29, 7));
    expect(digestOwed(at(29, 8), 7, null)).toBe(true);
    expect(digestOwed(at(29, 8), 7, at(29, 7, 30))).toBe(false);
    expect(digestOwed(at(29, 8), 7, at(29, 6))).toBe(true);
    expect(digestOwed(at(30, 6), 7, at(29, 7, 30))).toBe(false);
    expect(digestOwed(at(30, 7), 7, at(29, 7, 30))).toBe(true);
  });
});
