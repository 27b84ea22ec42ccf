// "/" must keep sending each role where the e2e journeys expect it (foundation.spec.ts: an
// administrator lands on Admin → Users), and a declared home must be a page the role may open.
import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { homePath } from './nav';
import { HOME, routes } from './routes';

describe('homePath', () => {
  it('sends each role to its home', () => {
    const homes = Object.fromEntries(
      (['admin', 'manager', 'liaison', 'analyst'] as Role[]).map((r) => [r, homePath(r)]),
    );
    expect(homes).toEqual({
      admin: '/admin/users',
      manager: '/field',
      liaison: '/field',
      analyst: '/activities',
    });
  });

  it('declares only homes the role may open', () => {
    for (const [role, path] of Object.entries(HOME) as [Role, string][]) {
      const route = routes.find((r) => r.path === path);
      expect(route?.roles, `${role} → ${path}`).toContain(role);
    }
  });
});
