// zod schemas of the route-planner API.
import { z } from 'zod';
import { npiString, text } from '../../lib/schemas';

/** "HH:MM" (00:00–24:00) → minutes after midnight. */
export const clock = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM')
  .transform((s) => {
    const [h, m] = s.split(':').map(Number) as [number, number];
    return h * 60 + m;
  });
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a calendar date',
  );
export const point = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  label: text(120).optional(),
});
/** A start or end: coordinates, a ZIP code (its centre) or an office on file. */
export const place = z.union([
  point,
  z.strictObject({
    zip: z.string().regex(/^\d{5}$/, 'must be a 5-digit ZIP code'),
    label: text(120).optional(),
  }),
  z.strictObject({
    locationId: z
      .number()
      .int()
      .positive()
      .max(2 ** 53 - 1),
    label: text(120).optional(),
  }),
]);
export const stopId = z.string().regex(/^loc-\d{1,15}$/, 'must be a stop id like loc-123');
export const liaisonRef = z.union([z.number().int().positive(), text(254).pipe(z.string().min(1))]);
export const timeLimitSec = z.number().min(0.1).max(30);
export const targetsSource = z.enum(['due', 'list']);

export const planBody = z
  .strictObject({
    liaison: liaisonRef.optional(),
    date: isoDate,
    targets: targetsSource.optional(),
    limit: z.number().int().min(1).max(200).optional(),
    npis: z.array(npiString).max(200).optional(),
    locationIds: z
      .array(
        z
          .number()
          .int()
          .positive()
          .max(2 ** 53 - 1),
      )
      .max(200)
      .optional(),
    appointments: z
      .array(
        z.strictObject({
          locationId: z
            .number()
            .int()
            .positive()
            .max(2 ** 53 - 1),
          at: clock,
          type: z.enum(['drop_in', 'visit', 'lunch_and_learn']).optional(),
        }),
      )
      .max(20)
      .optional(),
    start: place.optional(),
    end: place.optional(),
    dayStart: clock.optional(),
    dayEnd: clock.optional(),
    lunch: z
      .strictObject({ earliest: clock, latest: clock, durationMin: z.number().int().min(5).max(180) })
      .nullable()
      .optional(),
    pinned: z
      .array(z.strictObject({ stopId, position: z.number().int().min(0).max(500) }))
      .max(200)
      .optional(),
    timeLimitSec: timeLimitSec.optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .refine((b) => b.targets || b.npis?.length || b.locationIds?.length || b.appointments?.length, {
    message: 'give the stops: targets ("due" or "list"), npis, locationIds or appointments',
    path: ['targets'],
  });

export const reorderBody = z.strictObject({
  order: z.array(stopId).min(1).max(500),
  pinned: z.array(stopId).max(500).default([]),
  timeLimitSec: timeLimitSec.optional(),
  version: z.number().int().min(1).optional(),
});

export const doneBody = z.strictObject({
  at: clock.optional(),
  logActivity: z.boolean().default(true),
  outcome: z.enum(['positive', 'neutral', 'follow_up', 'concern', 'no_access']).optional(),
  notes: z.string().max(10_000).optional(),
});

/** A place in a query string: "zip:37203", "loc:123" (an office) or "36.16,-86.78". */
const placeText = z
  .string()
  .max(60)
  .transform((v, ctx) => {
    const zip = /^zip:(\d{5})$/.exec(v);
    if (zip) return { zip: zip[1]! };
    const loc = /^loc:(\d{1,15})$/.exec(v);
    if (loc) return { locationId: Number(loc[1]) };
    const pt = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(v);
    if (pt && Math.abs(Number(pt[1])) <= 90 && Math.abs(Number(pt[2])) <= 180)
      return { lat: Number(pt[1]), lon: Number(pt[2]) };
    ctx.addIssue({ code: 'custom', message: 'must be zip:NNNNN, loc:<office id> or lat,lon' });
    return z.NEVER;
  });
/** The lunch break in a query string: "none" or "11:30-13:30/30" (window and minutes). */
const lunchText = z.string().transform((v, ctx) => {
  if (v === 'none') return null;
  const m = /^(\d{1,2}:\d\d)-(\d{1,2}:\d\d)\/(\d{1,3})$/.exec(v);
  const earliest = m && clock.safeParse(m[1]);
  const latest = m && clock.safeParse(m[2]);
  const minutes = m ? Number(m[3]) : 0;
  if (!m || !earliest?.success || !latest?.success || minutes < 5 || minutes > 180) {
    ctx.addIssue({ code: 'custom', message: 'must be none or HH:MM-HH:MM/minutes (e.g. 11:30-13:30/30)' });
    return z.NEVER;
  }
  return { earliest: earliest.data, latest: latest.data, durationMin: minutes };
});

export const weekQuery = z.strictObject({
  liaison: text(254).optional(),
  start: isoDate.optional(),
  days: z.coerce.number().int().min(1).max(7).default(5),
  targets: targetsSource.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(40),
  timeLimitSec: z.coerce.number().min(0.1).max(30).default(3),
  from: placeText.optional(),
  to: placeText.optional(),
  dayStart: clock.optional(),
  dayEnd: clock.optional(),
  lunch: lunchText.optional(),
});

export const listQuery = z.strictObject({
  liaison: text(254).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const teamBody = z.strictObject({
  date: isoDate,
  liaisons: z.array(liaisonRef).min(1).max(20),
  targets: targetsSource.default('due'),
  limit: z.number().int().min(1).max(200).optional(),
  timeLimitSec: timeLimitSec.optional(),
});

export const officesQuery = z.strictObject({
  q: text(120).pipe(z.string().min(2, 'type at least 2 characters')),
  limit: z.coerce.number().int().min(1).max(25).default(10),
});

export const homeBaseBody = z.strictObject({
  liaison: liaisonRef.optional(),
  /** null clears the home base */
  place: place.nullable(),
});
export const homeBaseQuery = z.strictObject({ liaison: text(254).optional() });
