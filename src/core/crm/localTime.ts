// Spreadsheets carry local wall-clock times ("2026-03-04T09:30:00", no offset). We store instants,
// so a local time is converted with the market's IANA time zone, DST included.

/** The offset (minutes east of UTC) of `timeZone` at the instant `utcMs`. */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - utcMs) / 60_000);
}

/**
 * 'YYYY-MM-DDTHH:MM[:SS]' (or with a space, or a date alone = midnight) in `timeZone` → Date.
 * A value that carries its own offset or Z is taken as is. Returns null when unparseable.
 */
export function localToInstant(value: string, timeZone: string): Date | null {
  const v = value.trim();
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(v) && /T|\s/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h > 23) return null;
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  let t = wall - offsetMinutes(wall, timeZone) * 60_000;
  t = wall - offsetMinutes(t, timeZone) * 60_000;
  return new Date(t);
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
