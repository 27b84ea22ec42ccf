import { describe, expect, it } from 'vitest';
import { changeText } from './changeText';

describe('changeText', () => {
  it('shows short values from → to, and only names long or structured ones', () => {
    expect(
      changeText(
        { network_status: 'independent', tier: null, notes: 'x'.repeat(41), tags: ['a'], version: 1 },
        { network_status: 'competitor', tier: 'A', notes: 'y'.repeat(41), tags: ['b'], version: 2 },
      ),
    ).toBe('network status: independent → competitor; tier: — → A; notes changed; tags changed');
  });

  it('names a field whose earlier value was not recorded, and says nothing of version stamps alone', () => {
    expect(changeText({}, { owner_id: 7 })).toBe('owner id changed');
    expect(changeText(null, { owner_id: 7 })).toBe('owner id changed');
    expect(changeText({ version: 1 }, { version: 2, updated_at: 'now' })).toBe('');
  });
});
