// The Providers list's filters on the liaison's own data: tier, owner, territory, network status
// of the provider's organization, referral segment and overdue (ux.md's filter chips). Each is a
// URL parameter the search API reads as is (src/server/routes/providers/schemas.ts).
import type { UrlFilters } from '../../app/urlFilters';
import { FilterToggle, SelectField } from '../../ui';
import { useTerritories, useUsers } from './crmLookups';

export function CrmFilters({ filters, myId }: { filters: UrlFilters; myId: number | null }) {
  const users = useUsers();
  const territories = useTerritories();
  const { get, set } = filters;
  return (
    <div className="list-toolbar list-filters">
      <SelectField
        label="Tier"
        value={get('tier')}
        onChange={(e) => set({ tier: e.target.value })}
        options={[
          { value: '', label: 'Any tier' },
          { value: 'A', label: 'A' },
          { value: 'B', label: 'B' },
          { value: 'C', label: 'C' },
          { value: 'A,B', label: 'A or B' },
        ]}
      />
      <SelectField
        label="Owner"
        value={get('owner')}
        onChange={(e) => set({ owner: e.target.value })}
        options={[
          { value: '', label: 'Anyone' },
          ...(myId !== null ? [{ value: 'me', label: 'Me (my book)' }] : []),
          { value: 'none', label: 'Nobody (unassigned)' },
          ...(users.data?.items ?? [])
            .filter((u) => u.id !== myId)
            .map((u) => ({ value: String(u.id), label: u.name })),
        ]}
      />
      <SelectField
        label="Territory"
        value={get('territory')}
        onChange={(e) => set({ territory: e.target.value })}
        options={[
          { value: '', label: 'Anywhere' },
          ...(myId !== null ? [{ value: 'mine', label: 'My territories' }] : []),
          ...(territories.data?.items ?? []).map((t) => ({ value: String(t.id), label: t.name })),
        ]}
      />
      <SelectField
        label="Network"
        value={get('networkStatus')}
        onChange={(e) => set({ networkStatus: e.target.value })}
        options={[
          { value: '', label: 'Any network' },
          { value: 'ours', label: 'Ours' },
          { value: 'affiliated', label: 'Affiliated' },
          { value: 'independent', label: 'Independent' },
          { value: 'competitor', label: 'Competitor' },
          { value: 'independent,competitor', label: 'Not ours or affiliated' },
        ]}
      />
      <SelectField
        label="Segment"
        title="Share of referrals to our network over the last 12 months"
        value={get('segment')}
        onChange={(e) => set({ segment: e.target.value })}
        options={[
          { value: '', label: 'Any segment' },
          { value: 'loyalist', label: 'Loyalist' },
          { value: 'splitter', label: 'Splitter' },
          { value: 'opportunity', label: 'Opportunity' },
          { value: 'opportunity,splitter', label: 'Opportunity or splitter' },
          { value: 'low_volume', label: 'Low volume' },
        ]}
      />
      <FilterToggle
        on={get('overdue') === 'true'}
        onChange={(on) => set({ overdue: on ? 'true' : undefined })}
        title="Has a visit frequency and has not been seen in person within it"
      >
        Overdue
      </FilterToggle>
    </div>
  );
}
