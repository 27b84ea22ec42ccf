// Why a stop was left out of a plan, in words a liaison understands. Shared by the saved day plan the server
// presents (commands/routes/present.ts) and the web pages that show proposals, which carry only the code.
import type { UnassignedReason } from './types';

export const UNASSIGNED_REASON_TEXT: Record<UnassignedReason, string> = {
  closed: 'closed, or not reachable while open, that day (office hours / visit rules / visits already done)',
  'no-time': 'no time left in the day',
  'low-priority': 'left out for higher-priority stops',
};

/** The words for a reason code; an unknown code is shown as it came. */
export const unassignedReasonText = (reason: string): string =>
  (UNASSIGNED_REASON_TEXT as Record<string, string>)[reason] ?? reason;
