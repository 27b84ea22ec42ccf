// Zod schemas shared by the referral, market and alert routes.
import { z } from 'zod';
import { SERVICE_LINE_KEYS } from '../../../core/serviceLines';

export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
export const serviceLineField = z.enum(SERVICE_LINE_KEYS);
export const periodField = z
  .string()
  .max(20)
  .regex(
    /^(\d{1,2}m|\d{4}-(0[1-9]|1[0-2])\.\.\d{4}-(0[1-9]|1[0-2]))$/,
    'use 3m, 6m, 12m, 24m or YYYY-MM..YYYY-MM',
  );
export const sourceField = z.enum(['ehr', 'fhir']);
