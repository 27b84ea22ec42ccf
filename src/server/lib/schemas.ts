// Shared zod pieces for route schemas.
import { z } from 'zod';

/** A row id sent as text (path or query string): a positive integer JavaScript holds exactly. */
export const idQuery = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);
export const idParam = z.strictObject({ id: idQuery });
export const npiString = z.string().regex(/^\d{10}$/, 'must be a 10-digit NPI');
export const npiParam = z.strictObject({ npi: npiString });
export const problem = z
  .object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() })
  .passthrough();
export const okResponse = z.object({ ok: z.literal(true) });
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** A plain single-line text field: trimmed, bounded, no control characters. */
export const text = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');
export const emailField = z.string().trim().toLowerCase().email().max(254);
export const roleField = z.enum(['admin', 'manager', 'liaison', 'analyst']);
