// The Day form's settings beyond where the stops come from: the length of the day, where it starts and
// ends, the lunch break and fixed appointments — what the user chose, and the plan request they make.
// Pure, so the parsing and the request are unit-tested (daySettings.test.ts).

/** A start or end as the server takes it (src/server/routes/routes-planner/schemas.ts `place`). */
export type Place =
  | { lat: number; lon: number; label?: string }
  | { zip: string; label?: string }
  | { locationId: number; label?: string };

/** A place with the words the form shows for it. */
export type ChosenPlace = { place: Place; text: string };

export type Appointment = {
  locationId: number;
  office: string;
  at: string;
  type: 'lunch_and_learn' | 'visit' | 'drop_in';
};

export type DaySettings = {
  dayStart: string;
  dayEnd: string;
  start: ChosenPlace | null;
  /** null: back to the start (or the centre of the stops when there is no start). */
  end: ChosenPlace | null;
  lunch: { earliest: string; latest: string; durationMin: number } | null;
  appointments: Appointment[];
};

/** The server's defaults (src/commands/routes/planDay.ts settingsFor, DEFAULT_LUNCH). */
export const DEFAULT_SETTINGS: DaySettings = {
  dayStart: '08:00',
  dayEnd: '17:30',
  start: null,
  end: null,
  lunch: { earliest: '11:30', latest: '13:30', durationMin: 30 },
  appointments: [],
};

/** What a typed start/end means: a 5-digit ZIP, "lat, lon", or nothing we can read (then: search offices). */
export function parsePlaceText(text: string): ChosenPlace | null {
  const t = text.trim();
  if (/^\d{5}$/.test(t)) return { place: { zip: t }, text: `ZIP ${t}` };
  const m = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(t);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { place: { lat, lon, label: 'start' }, text: `${lat}, ${lon}` };
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The problems that would make the server refuse the settings, in words the form can show. */
export function settingsProblems(s: DaySettings): string[] {
  const out: string[] = [];
  if (minutes(s.dayEnd) <= minutes(s.dayStart)) out.push('The day must end after it starts.');
  if (s.lunch) {
    if (minutes(s.lunch.latest) < minutes(s.lunch.earliest) + s.lunch.durationMin)
      out.push('The lunch window is shorter than the lunch break.');
  }
  for (const a of s.appointments)
    if (minutes(a.at) < minutes(s.dayStart) || minutes(a.at) >= minutes(s.dayEnd))
      out.push(`The appointment at ${a.office} (${a.at}) is outside the day.`);
  const offices = new Set<number>();
  for (const a of s.appointments) {
    if (offices.has(a.locationId)) out.push(`${a.office} has two appointments; keep one.`);
    offices.add(a.locationId);
  }
  return out;
}

/** The plan request's fields for these settings; defaults are left out so the server's apply. */
export function settingsBody(s: DaySettings) {
  const labelled = (c: ChosenPlace, fallback: string): Place =>
    'lat' in c.place ? { ...c.place, label: fallback } : c.place;
  return {
    ...(s.dayStart !== DEFAULT_SETTINGS.dayStart ? { dayStart: s.dayStart } : {}),
    ...(s.dayEnd !== DEFAULT_SETTINGS.dayEnd ? { dayEnd: s.dayEnd } : {}),
    ...(s.start ? { start: labelled(s.start, 'start') } : {}),
    ...(s.end ? { end: labelled(s.end, 'end') } : {}),
    lunch: s.lunch,
    ...(s.appointments.length
      ? { appointments: s.appointments.map((a) => ({ locationId: a.locationId, at: a.at, type: a.type })) }
      : {}),
  };
}

/** One line for the closed settings panel. */
export function settingsSummary(s: DaySettings, homeBase?: string | null): string {
  const parts = [`${s.dayStart}–${s.dayEnd}`];
  parts.push(
    s.start
      ? `from ${s.start.text}`
      : homeBase
        ? `from home base (${homeBase})`
        : 'from the centre of the stops',
  );
  if (s.end) parts.push(`to ${s.end.text}`);
  parts.push(
    s.lunch
      ? `lunch ${s.lunch.durationMin} min between ${s.lunch.earliest} and ${s.lunch.latest}`
      : 'no lunch break',
  );
  if (s.appointments.length)
    parts.push(`${s.appointments.length} fixed appointment${s.appointments.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

const KEY = 'rounds.routes.daySettings';

/** The day's shape and usual start are kept on this device for the next plan; appointments are per day. */
export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined): DaySettings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return DEFAULT_SETTINGS;
    const v = JSON.parse(raw) as Partial<DaySettings>;
    return { ...DEFAULT_SETTINGS, ...v, appointments: [] };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, s: DaySettings) {
  const { appointments: _a, ...kept } = s;
  try {
    storage?.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Private mode or a full quota: the settings simply are not remembered.
  }
}

const placeParam = (c: ChosenPlace | null) =>
  !c
    ? undefined
    : 'zip' in c.place
      ? `zip:${c.place.zip}`
      : 'locationId' in c.place
        ? `loc:${c.place.locationId}`
        : `${c.place.lat},${c.place.lon}`;

/** The week proposal's query for these settings (GET /api/routes/week: from, to, dayStart, dayEnd, lunch). */
export function weekQueryOf(s: DaySettings) {
  const d = DEFAULT_SETTINGS;
  const lunch = s.lunch ? `${s.lunch.earliest}-${s.lunch.latest}/${s.lunch.durationMin}` : 'none';
  const defaultLunch = `${d.lunch!.earliest}-${d.lunch!.latest}/${d.lunch!.durationMin}`;
  return {
    from: placeParam(s.start),
    to: placeParam(s.end),
    dayStart: s.dayStart !== d.dayStart ? s.dayStart : undefined,
    dayEnd: s.dayEnd !== d.dayEnd ? s.dayEnd : undefined,
    lunch: lunch !== defaultLunch ? lunch : undefined,
  };
}
