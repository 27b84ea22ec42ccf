import { describe, expect, it } from 'vitest';
import { changePayload, changesOfAudit, parseChangePayload } from './changes';

describe('change signals', () => {
  it('scopes a new visit to its attendees and a relationship edit to its NPI; other CRM writes are unscoped', () => {
    expect(
      changesOfAudit({
        entity: 'activity',
        action: 'create',
        detail: { providers: ['1000000004', '1000000012'] },
      }),
    ).toEqual(['crm:1000000004', 'crm:1000000012']);
    // the relationship view shows the last in-person visit: a call or an email changes none
    const logged = (type: string) =>
      changesOfAudit({
        entity: 'activity',
        action: 'create',
        detail: { providers: ['1000000004'], after: { type } },
      });
    expect(logged('in_person_visit')).toEqual(['crm:1000000004']);
    expect(logged('drop_in')).toEqual(['crm:1000000004']);
    expect(logged('call')).toEqual(['crm:none']);
    expect(logged('email')).toEqual(['crm:none']);
    expect(changesOfAudit({ entity: 'activity', action: 'create', detail: { providers: [] } })).toEqual([
      'crm:none',
    ]);
    expect(
      changesOfAudit({ entity: 'provider_relationship', entityId: '1000000004', action: 'update' }),
    ).toEqual(['crm:1000000004']);
    // An edit or delete does not list the attendees it removed; an old entry has no providers.
    expect(
      changesOfAudit({ entity: 'activity', action: 'update', detail: { providers: ['1000000004'] } }),
    ).toEqual(['crm']);
    expect(changesOfAudit({ entity: 'activity', action: 'create', detail: { after: {} } })).toEqual(['crm']);
    expect(changesOfAudit({ entity: 'activity', action: 'create', detail: { providers: ['12'] } })).toEqual([
      'crm',
    ]);
    expect(changesOfAudit({ entity: 'task', action: 'create' })).toEqual(['crm']);
    // token use and sign-ins change nothing a cached answer shows; a user's name or role does
    expect(changesOfAudit({ entity: 'api_token', entityId: '3', action: 'token_use' })).toEqual([]);
    expect(changesOfAudit({ entity: 'session', action: 'login' })).toEqual([]);
    // saved views are in no cached answer: saving one empties nobody's cache
    expect(changesOfAudit({ entity: 'saved_view', entityId: '4', action: 'update' })).toEqual([]);
    expect(changesOfAudit({ entity: 'user', entityId: '7', action: 'update' })).toEqual(['auth']);
    expect(changesOfAudit({ entity: 'backup', action: 'restore' })).toEqual([
      'directory',
      'referrals',
      'crm',
      'auth',
    ]);
    expect(changesOfAudit({ entity: 'provider', entityId: '1000000004', action: 'update' })).toEqual([
      'directory',
      'referrals',
    ]);
  });

  it('a payload over the notification limit collapses per-provider signals into crm', () => {
    expect(changePayload(['crm:1000000004', 'auth', 'crm:1000000004'])).toBe('crm:1000000004,auth');
    const many = Array.from({ length: 700 }, (_, i) => `crm:${String(1000000000 + i)}` as const);
    expect(changePayload([...many, 'directory'])).toBe('crm,directory');
  });

  it('parses scoped signals; anything unknown means everything', () => {
    expect(parseChangePayload('crm:1000000004,crm:none,auth')).toEqual([
      'crm:1000000004',
      'crm:none',
      'auth',
    ]);
    expect(parseChangePayload('crm:12')).toEqual(['directory', 'referrals', 'crm', 'auth']);
    expect(parseChangePayload('')).toEqual(['directory', 'referrals', 'crm', 'auth']);
  });
});
