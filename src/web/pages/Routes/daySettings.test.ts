import { describe, expect, it } from 'vitest';
import {
  type DaySettings,
  DEFAULT_SETTINGS,
  loadSettings,
  parsePlaceText,
  saveSettings,
  settingsBody,
  settingsProblems,
  settingsSummary,
  weekQueryOf,
} from './daySettings';

const appt = { locationId: 7, office: 'Midtown Clinic', at: '12:00', type: 'lunch_and_learn' as const };

describe('parsePlaceText', () => {
  it('reads a ZIP and coordinates, nothing else', () => {
    expect(parsePlaceText(' 37203 ')).toEqual({ place: { zip: '37203' }, text: 'ZIP 37203' });
    expect(parsePlaceText('36.16, -86.78')).toEqual({
      place: { lat: 36.16, lon: -86.78, label: 'start' },
      text: '36.16, -86.78',
    });
    expect(parsePlaceText('3720')).toBeNull();
    expect(parsePlaceText('Midtown')).toBeNull();
    expect(parsePlaceText('95, 10')).toBeNull();
    expect(parsePlaceText('10, 190')).toBeNull();
  });
});

describe('settingsBody', () => {
  it('sends only what differs from the server defaults, plus the lunch choice', () => {
    expect(settingsBody(DEFAULT_SETTINGS)).toEqual({
      lunch: { earliest: '11:30', latest: '13:30', durationMin: 30 },
    });
  });
  it('sends the day, places (coordinates labelled start/end), no lunch and appointments', () => {
    const s: DaySettings = {
      dayStart: '09:00',
      dayEnd: '15:00',
      start: { place: { zip: '37203' }, text: 'ZIP 37203' },
      end: { place: { lat: 36, lon: -86, label: 'start' }, text: '36, -86' },
      lunch: null,
      appointments: [appt],
    };
    expect(settingsBody(s)).toEqual({
      dayStart: '09:00',
      dayEnd: '15:00',
      start: { zip: '37203' },
      end: { lat: 36, lon: -86, label: 'end' },
      lunch: null,
      appointments: [{ locationId: 7, at: '12:00', type: 'lunch_and_learn' }],
    });
  });
});

describe('settingsProblems', () => {
  it('finds a day that ends before it starts, a short lunch window, appointments outside the day or twice', () => {
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
    expect(
      settingsProblems({
        ...DEFAULT_SETTINGS,
        dayStart: '09:00',
        dayEnd: '09:00',
        lunch: { earliest: '12:00', latest: '12:20', durationMin: 30 },
        appointments: [appt, { ...appt, at: '08:30' }],
      }),
    ).toEqual([
      'The day must end after it starts.',
      'The lunch window is shorter than the lunch break.',
      'The appointment at Midtown Clinic (12:00) is outside the day.',
      'The appointment at Midtown Clinic (08:30) is outside the day.',
      'Midtown Clinic has two appointments; keep one.',
    ]);
  });
});

describe('settingsSummary', () => {
  it('says the day in one line', () => {
    expect(settingsSummary(DEFAULT_SETTINGS)).toBe(
      '08:00–17:30 · from the centre of the stops · lunch 30 min between 11:30 and 13:30',
    );
    expect(
      settingsSummary({
        ...DEFAULT_SETTINGS,
        start: { place: { zip: '37203' }, text: 'ZIP 37203' },
        end: { place: { locationId: 3 }, text: 'Midtown Clinic' },
        lunch: null,
        appointments: [appt],
      }),
    ).toBe('08:00–17:30 · from ZIP 37203 · to Midtown Clinic · no lunch break · 1 fixed appointment');
    // with no start chosen, a home base is where the day starts; a chosen start still wins
    expect(settingsSummary({ ...DEFAULT_SETTINGS, lunch: null }, 'Midtown Clinic')).toBe(
      '08:00–17:30 · from home base (Midtown Clinic) · no lunch break',
    );
    expect(
      settingsSummary(
        { ...DEFAULT_SETTINGS, start: { place: { zip: '37203' }, text: 'ZIP 37203' } },
        'Midtown Clinic',
      ),
    ).toMatch(/^08:00–17:30 · from ZIP 37203 · lunch/);
  });
});

describe('loadSettings / saveSettings', () => {
  it('keeps the day and places on the device but not the appointments', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const s = {
      ...DEFAULT_SETTINGS,
      dayStart: '07:30',
      start: { place: { zip: '37203' }, text: 'ZIP 37203' },
      appointments: [appt],
    };
    saveSettings(storage, s);
    expect(loadSettings(storage)).toEqual({ ...s, appointments: [] });
    store.set('rounds.routes.daySettings', '{not json');
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('weekQueryOf', () => {
  it('writes the places and the day as the week query takes them; defaults are left out', () => {
    expect(weekQueryOf(DEFAULT_SETTINGS)).toEqual({
      from: undefined,
      to: undefined,
      dayStart: undefined,
      dayEnd: undefined,
      lunch: undefined,
    });
    expect(
      weekQueryOf({
        ...DEFAULT_SETTINGS,
        dayEnd: '16:00',
        start: { place: { zip: '37203' }, text: 'ZIP 37203' },
        end: { place: { locationId: 12 }, text: 'Midtown Clinic' },
        lunch: null,
      }),
    ).toEqual({ from: 'zip:37203', to: 'loc:12', dayStart: undefined, dayEnd: '16:00', lunch: 'none' });
    expect(
      weekQueryOf({
        ...DEFAULT_SETTINGS,
        start: { place: { lat: 36.16, lon: -86.78, label: 'start' }, text: '36.16, -86.78' },
        lunch: { earliest: '12:00', latest: '13:00', durationMin: 45 },
      }),
    ).toMatchObject({ from: '36.16,-86.78', lunch: '12:00-13:00/45' });
  });
});
