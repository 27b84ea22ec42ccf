// Providers: instant search with filter chips (directory and CRM: tier, owner, territory, network,
// overdue), facets, saved views, a sortable virtualized table with bulk actions on ticked rows, and
// a map of the same results. Every filter lives in the URL (app/urlFilters.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { SERVICE_LINES } from '../../../core/serviceLineList';
import { api, errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { SavedViews } from '../../app/SavedViews';
import { useUrlFilters } from '../../app/urlFilters';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  ExportLinks,
  FilterToggle,
  formatDate,
  LeafletMap,
  MapToggle,
  NetworkChip,
  Page,
  SelectField,
  SkeletonRows,
  TextField,
} from '../../ui';
import { placeName } from '../../ui/format';
import { BulkBar } from './BulkBar';
import { CrmFilters } from './CrmFilters';
import { type Relationship, usePageRelationships } from './crmLookups';
import { precisionLabel } from './precision';
import './providers.css';
import type { Facet, ProviderHit, SearchResult } from './types';
import { useMoreResults } from './useMoreResults';

type Filters = { serviceLine?: string; specialty?: string; city?: string; county?: string };
type Row = ProviderHit & { rel?: Relationship };
const FACET_KEYS = ['serviceLine', 'specialty', 'city', 'county'] as const;
/** URL parameters passed to the search API as they are */
const CRM_KEYS = ['tier', 'owner', 'territory', 'networkStatus', 'segment', 'overdue'] as const;

const FILTER_TITLES: Record<keyof Filters, string> = {
  serviceLine: 'Service line',
  specialty: 'Specialty',
  city: 'City',
  county: 'County',
};
const LINE_LABEL = new Map<string, string>(SERVICE_LINES.map((l) => [l.key, l.label]));
/** A facet value as a person reads it: service-line keys by their names. */
const facetLabel = (key: keyof Filters, value: string, label?: string | null) =>
  label ??
  (key === 'serviceLine' ? (LINE_LABEL.get(value) ?? value) : key === 'city' ? placeName(value) : value);

export default function ProvidersList() {
  const navigate = useNavigate();
  const me = useMe().data;
  const url = useUrlFilters();
  const { get, set } = url;
  // the command palette opens /providers?near=<ZIP>
  const near = get('near');
  const status = (get('status') || 'active') as 'active' | 'deactivated' | 'all';
  const view = get('view') === 'map' ? 'map' : 'table';
  const filters: Filters = Object.fromEntries(FACET_KEYS.map((k) => [k, get(k) || undefined]));
  const query = useDeferredValue(get('q').trim());
  const params = {
    q: query || undefined,
    ...filters,
    ...Object.fromEntries(CRM_KEYS.map((k) => [k, get(k) || undefined])),
    near: /^\d{5}$/.test(near) ? near : undefined,
    radiusMi: /^\d{5}$/.test(near) ? 15 : undefined,
    newToMarket: get('new') === 'true' || undefined,
    status: status === 'active' ? undefined : status,
    limit: 200,
  };
  // the same search, every page (up to 10,000 rows), as a file
  const { limit: _limit, ...exportParams } = params;
  // The last results stay (dimmed) while the next search answers: the table does not blink away on
  // every keystroke.
  const { data, isLoading, isPlaceholderData, error } = useQuery({
    queryKey: ['providers', 'search', params],
    queryFn: ({ signal }) => api<SearchResult>('/api/providers', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
  const more = useMoreResults(JSON.stringify(params), data?.nextCursor, (cursor) =>
    api<SearchResult>('/api/providers', { query: { ...params, cursor, facets: false } }),
  );
  const items = useMemo(() => [...(data?.items ?? []), ...more.items], [data, more.items]);
  const npis = useMemo(() => items.map((r) => r.npi), [items]);
  const rels = usePageRelationships(npis);
  const rows: Row[] = useMemo(
    () => items.map((r) => ({ ...r, rel: rels.data?.get(r.npi) })),
    [items, rels.data],
  );
  // ticked rows belong to the results they were ticked in
  const [ticked, setTicked] = useState<Set<string | number>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search clears the selection
  useEffect(() => setTicked(new Set()), [url.query]);
  const canEdit = me?.role !== 'analyst';
  const columns: Column<Row>[] = useMemo(
    () => [
      { id: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name },
      // a liaison's own columns first; the directory's after (the NPI last: wide tables scroll)
      {
        id: 'tier',
        header: 'Tier',
        cell: (r) => r.rel?.tier ?? '—',
        sortValue: (r) => r.rel?.tier,
      },
      {
        id: 'owner',
        header: 'Owner',
        cell: (r) => r.rel?.owner_name ?? '—',
        sortValue: (r) => r.rel?.owner_name,
        hideOnPhone: true,
      },
      {
        id: 'lastVisit',
        header: 'Last visit',
        cell: (r) => (
          <>
            {r.rel?.visit.lastVisit ? formatDate(r.rel.visit.lastVisit) : r.rel ? 'never' : '—'}{' '}
            {r.rel?.visit.overdue ? (
              <Chip tone="warn" title={r.rel.visit.reason}>
                Overdue
              </Chip>
            ) : null}
          </>
        ),
        sortValue: (r) => r.rel?.visit.lastVisit,
        hideOnPhone: true,
      },
      {
        id: 'specialty',
        header: 'Specialty',
        cell: (r) => r.primaryTaxonomy?.name ?? r.primaryTaxonomy?.code ?? '—',
        sortValue: (r) => r.primaryTaxonomy?.name,
      },
      {
        id: 'place',
        header: 'Practice',
        cell: (r) =>
          [placeName(r.address.city), [r.address.state, r.address.zip5].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', '),
        sortValue: (r) => r.address.city,
        hideOnPhone: true,
      },
      {
        id: 'org',
        header: 'Organization',
        cell: (r) =>
          r.organization ? (
            <>
              <Link to={`/organizations/${r.organization.id}`} onClick={(e) => e.stopPropagation()}>
                {r.organization.name}
              </Link>{' '}
              <NetworkChip status={r.organization.networkStatus} />
            </>
          ) : (
            '—'
          ),
        sortValue: (r) => r.organization?.name,
        hideOnPhone: true,
      },
      { id: 'npi', header: 'NPI', cell: (r) => r.npi, hideOnPhone: true },
      ...(params.near
        ? [
            {
              id: 'dist',
              header: 'Miles',
              align: 'right' as const,
              cell: (r: Row) => r.distanceMi?.toFixed(1) ?? '—',
              sortValue: (r: Row) => r.distanceMi,
            },
          ]
        : []),
    ],
    [params.near],
  );
  const facet = (key: keyof Filters, title: string, list: Facet[] | undefined) =>
    list?.length ? (
      <fieldset className="facet" aria-label={title}>
        <legend className="facet-title">{title}</legend>
        <div className="facet-options">
          {list.slice(0, 8).map((f) => (
            <button
              key={f.value}
              type="button"
              className="facet-option"
              aria-pressed={filters[key] === f.value}
              onClick={() => set({ [key]: filters[key] === f.value ? undefined : f.value })}
            >
              {facetLabel(key, f.value, f.label)} <span className="facet-count">{f.count}</span>
            </button>
          ))}
        </div>
      </fieldset>
    ) : null;
  return (
    <Page
      title="Providers"
      subtitle="Every physician and practitioner in the market"
      source={{ source: 'NPPES NPI registry', dataDate: data?.dataDate ?? null }}
      actions={
        <>
          <SavedViews page="providers" filters={url} />
          <ExportLinks path="/api/providers/export" query={exportParams} />
        </>
      }
    >
      <div className="list-toolbar providers-toolbar">
        <TextField
          label="Search name or NPI"
          value={get('q')}
          onChange={(e) => set({ q: e.target.value })}
          placeholder="e.g. Katherine Johnson"
        />
        <TextField
          label="Near ZIP (15 mi)"
          value={near}
          onChange={(e) => set({ near: e.target.value })}
          inputMode="numeric"
          maxLength={5}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => set({ status: e.target.value === 'active' ? undefined : e.target.value })}
          options={[
            { value: 'active', label: 'Active' },
            { value: 'deactivated', label: 'Deactivated' },
            { value: 'all', label: 'All statuses' },
          ]}
        />
        <FilterToggle
          on={get('new') === 'true'}
          onChange={(on) => set({ new: on ? 'true' : undefined })}
          title="Newly enumerated or newly arrived in the market at the latest NPPES import"
        >
          New to market
        </FilterToggle>
        <MapToggle view={view} onChange={(v) => set({ view: v === 'map' ? 'map' : undefined })} />
      </div>
      <CrmFilters filters={url} myId={me?.id ?? null} />
      <div className="providers-chips">
        {(Object.entries(filters) as [keyof Filters, string | undefined][])
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <Chip key={k}>
              {FILTER_TITLES[k]}: {facetLabel(k, v!)}{' '}
              <button
                className="chip-remove"
                type="button"
                aria-label={`Remove ${k} filter`}
                onClick={() => set({ [k]: undefined })}
              >
                ×
              </button>
            </Chip>
          ))}
      </div>
      <div className="results" aria-busy={isPlaceholderData}>
        {data?.facets && (
          <div className="facets">
            {facet('serviceLine', 'Service line', data.facets.serviceLine)}
            {facet('specialty', 'Specialty', data.facets.specialty)}
            {facet('city', 'City', data.facets.city)}
            {facet('county', 'County', data.facets.county)}
            {data.facetsSampled ? (
              <p className="muted">
                Counts among the first {data.facetsSampled} matches in this order, not all of them.
              </p>
            ) : null}
          </div>
        )}
        {error ? <EmptyState title="Search failed">{(error as Error).message}</EmptyState> : null}
        {isLoading ? <SkeletonRows rows={8} /> : null}
        {data && 'segmentsDataDate' in data ? (
          <p className="muted">
            Segment: share of referrals to our network in the service lines we offer, over the 12 months
            {data.segmentsDataDate
              ? ` through ${formatDate(data.segmentsDataDate)}`
              : ' to this month (no referral import yet)'}{' '}
            (EHR and FHIR referrals).
          </p>
        ) : null}
        {data && (
          <p className="muted">
            {data.totalIsExact ? data.total : `${data.total}+`} providers
            {items.length < data.total ? ` · first ${items.length} shown` : ''}
          </p>
        )}
        {ticked.size > 0 ? (
          <BulkBar
            npis={[...ticked].map(String)}
            canEdit={canEdit}
            myId={me?.id ?? null}
            onClear={() => setTicked(new Set())}
          />
        ) : null}
        {data && view === 'table' && (
          <DataTable
            label="Providers"
            columns={columns}
            rows={rows}
            selection={{ selected: ticked, onChange: setTicked, label: (r) => `Select ${r.name}` }}
            rowKey={(r) => r.npi}
            onRowClick={(r) => navigate(`/providers/${r.npi}`)}
            chooserKey="providers"
            empty={
              <EmptyState title="No providers match">{'Try fewer filters or check the spelling.'}</EmptyState>
            }
          />
        )}
        {data && more.next ? (
          <div className="row more-results">
            <button
              type="button"
              className="btn"
              disabled={more.loading}
              onClick={() => void more.loadMore()}
            >
              {more.loading ? 'Loading…' : 'Show the next 200'}
            </button>
            {more.error ? (
              <span role="alert" className="error">
                {errorMessage(more.error)}
              </span>
            ) : null}
          </div>
        ) : null}
        {data && view === 'map' && (
          <>
            <LeafletMap
              label="Map of the providers in the results"
              height={480}
              markers={items
                .filter((r) => r.location)
                .map((r) => ({
                  id: r.npi,
                  lat: r.location!.lat,
                  lng: r.location!.lon,
                  label: `${r.name} (${precisionLabel(r.location!.precision)})`,
                }))}
              onMarkerClick={(m) => navigate(`/providers/${m.id}`)}
            />
            <p className="muted">
              Points marked ZIP centroid show the middle of the practice ZIP code, not the office.
            </p>
          </>
        )}
      </div>
    </Page>
  );
}
