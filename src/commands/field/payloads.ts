// What each kind of offline mutation carries. Validated per item (not per batch) so one bad item is
// reported by its position and field while the rest of the batch still syncs.
import { z } from 'zod';
import { ISSUE_CATEGORIES, ISSUE_STATUSES } from '../../core/crm/issueAging';
import { TASK_STATUSES } from '../../core/crm/tasks';
import { ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '../../core/crm/visitCadence';

export const SYNC_KINDS = ['activity', 'note', 'task', 'issue', 'checkin'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);
const npi = z.string().regex(/^\d{10}$/, 'must be a 10-digit NPI');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const dateTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');
const longText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL');
const key = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8–100 letters, digits, _ or -');

const followUp = z.strictObject({
  title: line(200).pipe(z.string().min(1)),
  dueOn: date.nullable().optional(),
  description: longText(5000).optional(),
});

/** A visit (create) or an edit of one (id + baseVersion). */
export const activityPayload = z.strictObject({
  id: id.optional(),
  type: z.enum(ACTIVITY_TYPES),
  occurredAt: dateTime,
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  organizationId: id.nullable().optional(),
  locationId: id.nullable().optional(),
  subject: line(200).optional(),
  outcome: z.enum(ACTIVITY_OUTCOMES).nullable().optional(),
  notes: longText(20_000).optional(),
  providerNpis: z.array(npi).max(50).optional(),
  contactIds: z.array(id).max(50).optional(),
  followUps: z.array(followUp).max(10).optional(),
  /** The stop of today's route this visit was made at (marks it done). */
  routePlanId: id.optional(),
  stopId: z
    .string()
    .regex(/^loc-\d{1,15}$/, 'must be a stop id like loc-123')
    .optional(),
  /** Idempotency key of the check-in made at this stop, linked to the new activity. */
  checkinKey: key.optional(),
});

/** A plain note on a provider's or organization's timeline. */
export const notePayload = z
  .strictObject({
    providerNpi: npi.optional(),
    organizationId: id.optional(),
    text: longText(20_000).pipe(z.string().trim().min(1, 'must not be empty')),
    occurredAt: dateTime,
  })
  .refine((n) => n.providerNpi || n.organizationId, {
    message: 'a note needs a providerNpi or an organizationId',
    path: ['providerNpi'],
  });

export const taskPayload = z.strictObject({
  id: id.optional(),
  title: line(200).pipe(z.string().min(1)).optional(),
  description: longText(5000).optional(),
  dueOn: date.nullable().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  providerNpi: npi.nullable().optional(),
  organizationId: id.nullable().optional(),
});

export const issuePayload = z.strictObject({
  id: id.optional(),
  providerNpi: npi.nullable().optional(),
  organizationId: id.nullable().optional(),
  category: z.enum(ISSUE_CATEGORIES).optional(),
  title: line(200).pipe(z.string().min(1)).optional(),
  description: longText(5000).optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  resolution: longText(5000).nullable().optional(),
  reportedBy: line(200).nullable().optional(),
});

export const checkinPayload = z.strictObject({
  locationId: id.optional(),
  routePlanId: id.optional(),
  stopId: z
    .string()
    .regex(/^loc-\d{1,15}$/, 'must be a stop id like loc-123')
    .optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).nullable().optional(),
  at: dateTime,
});

export const syncItem = z.strictObject({
  idempotencyKey: key,
  kind: z.enum(SYNC_KINDS),
  baseVersion: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  payload: z.record(z.string(), z.unknown()),
});
export type SyncItem = z.infer<typeof syncItem>;

export const PAYLOADS = {
  activity: activityPayload,
  note: notePayload,
  task: taskPayload,
  issue: issuePayload,
  checkin: checkinPayload,
} as const;
