import { describe, expect, it } from 'vitest';
import { UNASSIGNED_REASON_TEXT, unassignedReasonText } from './reasonText';

describe('unassignedReasonText', () => {
  it('words every reason the solver gives', () => {
    expect(Object.keys(UNASSIGNED_REASON_TEXT).sort()).toEqual(['closed', 'low-priority', 'no-time']);
    expect(unassignedReasonText('no-time')).toBe('no time left in the day');
  });
  it('shows a code it does not know as it came, not as "undefined"', () => {
    expect(unassignedReasonText('out-of-area')).toBe('out-of-area');
  });
});
