// Organizations: find a practice, group, hospital or health system by name (typo-tolerant, best
// match first), type and network status — filters kept in the URL and saveable as views; each
// row opens the organization's profile.

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { SERVICE_LINES } from '../../../core/serviceLineList';
import type { searchOrganizations } from '../../../db/queries/directory/organizations';
import type { NetworkStatus, OrganizationType } from '../../../db/tables/directory';
import { api } from '../../api/client';
import { SavedViews } from '../../app/SavedViews';
import { useUrlFilters } from '../../app/urlFilters';
import {
  type Column,
  DataTable,
  EmptyState,
  ExportLinks,
  formatNumber,
  LeafletMap,
  MapToggle,
  MoreButton,
  NetworkChip,
  Page,
  SelectField,
  SkeletonRows,
  TextField,
} from '../../ui';
import { placeName } from '../../ui/format';
import { precisionLabel } from '../Providers/precision';

type SearchPage = Awaited<ReturnType<typeof searchOrganizations>>;
type Hit = SearchPage['items'][number];

const TYPE_LABELS: Record<OrganizationType, string> = {
  health_system: 'Health system',
  hospital: 'Hospital',
  asc: 'Surgery center',
  imaging: 'Imaging',
  clinic: 'Clinic',
  practice: 'Practice',
  group: 'Group',
  other: 'Other',
};
const NETWORK_LABELS: Record<NetworkStatus, string> = {
  ours: 'Ours',
  affiliated: 'Affiliated',
  independent: 'Independent',
  competitor: 'Competitor',
};
const options = (labels: Record<string, string>, any: string) => [
  { value: '', label: any },
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

const columns: Column<Hit>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (o) => (
      <div>
        <div className="cell-main">
          <Link to={`/organizations/${o.id}`} onClick={(e) => e.stopPropagation()}>
            {o.name}
          </Link>
        </div>
        {o.parent ? <div className="cell-sub">part of {o.parent.name}</div> : null}
      </div>
    ),
  },
  { id: 'type', header: 'Type', cell: (o) => TYPE_LABELS[o.type as OrganizationType] ?? o.type },
  {
    id: 'network',
    header: 'Network',
    cell: (o) => <NetworkChip status={o.networkStatus as NetworkStatus} />,
  },
  {
    id: 'place',
    header: 'City',
    hideOnPhone: true,
    cell: (o) => (o.city ? `${placeName(o.city)}${o.state ? `, ${o.state}` : ''}` : ''),
  },
  {
    id: 'providers',
    header: 'Providers',
    align: 'right',
    hideOnPhone: true,
    cell: (o) => formatNumber(o.providerCount),
  },
  { id: 'npi', header: 'NPI', hideOnPhone: true, cell: (o) => o.npi ?? '' },
];

// a practice's line is its physicians' (a member's primary specialty); a facility's, the lines it offers
const LINE_OPTIONS = [
  { value: '', label: 'Any line' },
  ...SERVICE_LINES.filter((l) => l.key !== 'other').map((l) => ({ value: l.key, label: l.label })),
];

export default function OrganizationsList() {
  const navigate = useNavigate();
  const url = useUrlFilters();
  const { get, set } = url;
  const view = get('view') === 'map' ? 'map' : 'table';
  const query = useDeferredValue(get('q').trim());
  const params = {
    q: query || undefined,
    type: get('type') || undefined,
    networkStatus: get('networkStatus') || undefined,
    serviceLine: get('serviceLine') || undefined,
    territory: get('territory') === 'mine' ? 'mine' : undefined,
    limit: 100,
  };
  const { limit: _limit, ...exportParams } = params;
  const pages = useInfiniteQuery({
    queryKey: ['organizations', 'search', params],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      api<SearchPage>('/api/organizations', { query: { ...params, cursor: pageParam || undefined }, signal }),
    getNextPageParam: (p) => p.nextCursor ?? undefined,
    // the last results stay (dimmed) while the next search answers, instead of a skeleton per keystroke
    placeholderData: keepPreviousData,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title="Organizations"
      actions={
        <>
          <SavedViews page="organizations" filters={url} />
          <ExportLinks path="/api/organizations/export" query={exportParams} />
        </>
      }
      subtitle={
        query
          ? 'Best match first — spelling need not be exact'
          : 'Practices, groups, hospitals and health systems, by name'
      }
    >
      <div className="list-toolbar">
        <TextField
          label="Search organizations"
          type="search"
          value={get('q')}
          onChange={(e) => set({ q: e.target.value })}
          placeholder="Name or NPI"
        />
        <SelectField
          label="Type"
          value={get('type')}
          onChange={(e) => set({ type: e.target.value })}
          options={options(TYPE_LABELS, 'Any type')}
        />
        <SelectField
          label="Network"
          value={get('networkStatus')}
          onChange={(e) => set({ networkStatus: e.target.value })}
          options={options(NETWORK_LABELS, 'Any status')}
        />
        <SelectField
          label="Service line"
          value={get('serviceLine')}
          onChange={(e) => set({ serviceLine: e.target.value })}
          options={LINE_OPTIONS}
        />
        <label className="list-check">
          <input
            type="checkbox"
            checked={get('territory') === 'mine'}
            onChange={(e) => set({ territory: e.target.checked ? 'mine' : undefined })}
          />{' '}
          In my territory
        </label>
        <MapToggle view={view} onChange={(v) => set({ view: v === 'map' ? 'map' : undefined })} />
      </div>
      {pages.isPending ? (
        <SkeletonRows rows={8} />
      ) : pages.isError ? (
        <EmptyState icon="alert" title="Organizations could not be loaded">
          {pages.error.message}
        </EmptyState>
      ) : (
        <div className="results" aria-busy={pages.isPlaceholderData}>
          {view === 'map' ? (
            <>
              <LeafletMap
                label="Map of the organizations in the results"
                height={480}
                markers={rows
                  .filter((o) => o.location)
                  .map((o) => ({
                    id: String(o.id),
                    lat: o.location!.lat,
                    lng: o.location!.lon,
                    label: `${o.name} (${precisionLabel(o.location!.precision)})`,
                  }))}
                onMarkerClick={(m) => navigate(`/organizations/${m.id}`)}
              />
              <p className="muted">
                The map shows the organizations listed so far ({formatNumber(rows.length)}); points marked ZIP
                centroid show the middle of the ZIP code, not the office.
              </p>
            </>
          ) : (
            <DataTable
              label="Organizations"
              columns={columns}
              rows={rows}
              rowKey={(o) => o.id}
              chooserKey="organizations"
              onRowClick={(o) => navigate(`/organizations/${o.id}`)}
              empty={
                <EmptyState
                  icon="organizations"
                  title={query ? 'No organization matches' : 'No organizations yet'}
                >
                  {query
                    ? 'Try fewer words, or clear the type and network filters.'
                    : 'They arrive with an NPPES import and your organizations file (Admin → Data).'}
                </EmptyState>
              }
            />
          )}
          <MoreButton pages={pages} label="More organizations" />
        </div>
      )}
    </Page>
  );
}
