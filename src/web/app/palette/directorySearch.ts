// The command palette's live results from the directory (ux.md: "type a name, NPI, practice or ZIP
// and jump"): providers by name or NPI — the Providers page's own fuzzy search, best match first —,
// organizations by name, and a ZIP's providers. Registered once, when the app shell loads.
import type { searchOrganizations } from '../../../db/queries/directory/organizations';
import { api } from '../../api/client';
import type { SearchResult } from '../../pages/Providers/types';
import { placeName } from '../../ui/format';
import { registerSearchProvider } from './registry';

type Organizations = Awaited<ReturnType<typeof searchOrganizations>>;
const place = (city: string | null, state: string | null) =>
  city ? `${placeName(city)}${state ? `, ${state}` : ''}` : null;

registerSearchProvider({
  id: 'directory-providers',
  group: 'Providers',
  minLength: 2,
  search: async (q, signal) => {
    const r = await api<SearchResult>('/api/providers', { query: { q, limit: 6, facets: false }, signal });
    return r.items.map((p) => ({
      id: `provider:${p.npi}`,
      label: p.name,
      group: 'Providers',
      icon: 'providers' as const,
      hint: [p.primaryTaxonomy?.name, place(p.address.city, p.address.state), `NPI ${p.npi}`]
        .filter(Boolean)
        .join(' · '),
      perform: ({ navigate }) => navigate(`/providers/${p.npi}`),
    }));
  },
});

registerSearchProvider({
  id: 'directory-organizations',
  group: 'Organizations',
  minLength: 3,
  search: async (q, signal) => {
    if (/^\d{1,9}$/.test(q)) return []; // part of an NPI: not an organization's name
    const r = await api<Organizations>('/api/organizations', { query: { q, limit: 4 }, signal });
    return r.items.map((o) => ({
      id: `organization:${o.id}`,
      label: o.name,
      group: 'Organizations',
      icon: 'organizations' as const,
      hint: [place(o.city, o.state), o.providerCount ? `${o.providerCount} providers` : null]
        .filter(Boolean)
        .join(' · '),
      perform: ({ navigate }) => navigate(`/organizations/${o.id}`),
    }));
  },
});

registerSearchProvider({
  id: 'directory-zip',
  group: 'Places',
  minLength: 5,
  search: async (q) =>
    /^\d{5}$/.test(q)
      ? [
          {
            id: `zip:${q}`,
            label: `Providers near ZIP ${q}`,
            group: 'Places',
            icon: 'providers' as const,
            hint: 'within 15 miles, nearest first',
            perform: ({ navigate }) => navigate(`/providers?near=${q}`),
          },
        ]
      : [],
});
