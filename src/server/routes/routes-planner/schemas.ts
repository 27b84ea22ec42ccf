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

export const weekQuery = z.strictObject({
  liaison: text(254).optional(),
  start: isoDate.optional(),
  days: z.coerce.number().int().min(1).max(7).default(5),
  targets: targetsSource.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(40),
  timeLimitSec: z.coerce.number().min(0.1).max(30).default(3),
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
