// Targets: who to prioritize and why. Top targets with breakdown bars; managers tune the weights
// with a live preview of how the top 50 changes; save the list as a campaign.
import './network.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useMe, useUsers } from '../../api/hooks';
import { EmptyUnlessDemoLoading } from '../../app/demoLoading';
import { EmptyState, Page, SkeletonRows, TextField, useToast } from '../../ui';
import { AddToRouteButton } from './AddToRouteButton';
import {
  type Contribution,
  type Factor,
  useCreateTargetList,
  usePreview,
  useSaveWeights,
  useTargetLists,
  useTargets,
  type Weights,
} from './api';
import { TargetFilterBar, targetFilterWords, useTargetFilter } from './TargetFilterBar';

const BAR_COLORS: Record<Factor, string> = {
  opportunity: '#b23a26',
  growth: '#1d7a46',
  loyalty: '#2759b0',
  influence: '#7a4bb0',
  newToMarket: '#c07a00',
  recency: '#0b5c5c',
  openIssues: '#9a5b00',
  proximity: '#5a6370',
};

function BreakdownBar({ breakdown, labels }: { breakdown: Contribution[]; labels: Map<Factor, string> }) {
  return (
    <div
      className="target-bar"
      role="img"
      aria-label={breakdown
        .filter((b) => b.points > 0)
        .map((b) => `${labels.get(b.factor)} ${b.points}`)
        .join(', ')}
    >
      {breakdown
        .filter((b) => b.points > 0)
        .map((b) => (
          <span
            key={b.factor}
            title={`${labels.get(b.factor)}: ${b.points.toFixed(2)} pts (factor ${b.value.toFixed(2)} × weight ${(b.weight * 100).toFixed(0)} %)`}
            style={{ width: `${b.points}%`, background: BAR_COLORS[b.factor] }}
          />
        ))}
    </div>
  );
}

function Movement({ t }: { t: { rank: number; previousRank?: number | null; moved?: number } }) {
  if (t.moved === undefined || t.previousRank === t.rank) return null;
  const text = t.previousRank === null ? 'new' : t.moved > 0 ? `▲${t.moved}` : `▼${-t.moved}`;
  return <span className="muted"> {text}</span>;
}

export default function TargetsPage() {
  const { url, filter } = useTargetFilter();
  const targets = useTargets(50, filter);
  const me = useMe();
  const users = useUsers();
  const liaisonName = filter.liaison
    ? (users.data ?? []).find((u) => u.email === filter.liaison)?.name || filter.liaison
    : undefined;
  const words = targetFilterWords(filter, liaisonName);
  const toast = useToast();
  const [draft, setDraft] = useState<Weights | null>(null);
  const [debounced, setDebounced] = useState<Weights | null>(null);
  const save = useSaveWeights();
  const createList = useCreateTargetList();
  const lists = useTargetLists();
  const [listName, setListName] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDebounced(draft), 250);
    return () => clearTimeout(t);
  }, [draft]);
  const preview = usePreview(debounced, filter);
  const data = targets.data;
  const labels = new Map((data?.factors ?? []).map((f) => [f.factor, f.label]));
  const isManager = me.data?.role === 'admin' || me.data?.role === 'manager';
  // analysts have no route to add to
  const canRoute = !!me.data && me.data.role !== 'analyst';
  const rows = draft && preview.data ? preview.data.items : data?.items;
  // An empty name takes the filter's words: "Cardiology physicians · splitters".
  const suggestedName = words.length ? words.join(' · ').replace(/^./, (c) => c.toUpperCase()) : '';
  return (
    <Page
      title="Targets"
      subtitle={
        data
          ? `${words.length ? `${data.poolSize} of ${data.candidates} candidates · ${words.join(' · ')}` : `${data.poolSize} candidates`} · referrals ${data.meta.referralWindow.from}–${data.meta.referralWindow.to}`
          : undefined
      }
      source={{
        source: 'Target score = Σ weight × factor (each factor 0–1)',
        dataDate: data?.meta.dataDate ?? null,
      }}
    >
      <TargetFilterBar url={url} />
      {targets.error ? (
        <EmptyState title="Targets not available">{errorMessage(targets.error)}</EmptyState>
      ) : null}
      {!data ? (
        <SkeletonRows rows={10} />
      ) : (
        <div className="targets-layout">
          <section aria-label="Top targets" className="targets-list">
            {draft && preview.data ? (
              <p className="muted">
                Preview: {preview.data.entered} enter the top 50, {preview.data.left.length} leave. Nothing is
                saved until you save the weights.
              </p>
            ) : null}
            {rows && rows.length === 0 && words.length ? (
              <EmptyState title="No candidate matches these filters">
                {data.candidates} candidates in all.{' '}
                <button type="button" className="btn btn-ghost" onClick={() => url.replaceAll('')}>
                  Clear filters
                </button>
              </EmptyState>
            ) : rows && rows.length === 0 ? (
              <EmptyUnlessDemoLoading
                fallback={
                  <EmptyState title="No candidates">
                    Import referrals or assign a territory to see targets.
                  </EmptyState>
                }
              />
            ) : null}
            <ol className="targets">
              {(rows ?? []).map((t) => (
                <li key={t.npi} className="target-row">
                  <div className="target-head">
                    <span className="num">{t.rank}.</span>{' '}
                    <Link to={`/network/provider/${t.npi}`}>{t.name}</Link>
                    <span className="muted"> {t.serviceLine?.replace(/_/g, ' ')}</span>
                    <strong className="num target-score">{t.score.toFixed(2)}</strong>
                    <Movement t={t} />
                  </div>
                  <BreakdownBar breakdown={t.breakdown} labels={labels} />
                  <div className="muted target-why">{t.why.slice(0, 2).join(' · ')}</div>
                  {canRoute ? <AddToRouteButton npi={t.npi} name={t.name} /> : null}
                </li>
              ))}
            </ol>
          </section>
          <aside className="targets-side">
            <h2 className="section-title">Weights</h2>
            {data.factors.map((f) => {
              const w = (draft ?? data.weights)[f.factor];
              return (
                <label key={f.factor} className="weight-row" title={f.normalization}>
                  <span>
                    <span className="weight-swatch" style={{ background: BAR_COLORS[f.factor] }} /> {f.label}
                  </span>
                  <input
                    type="range"
                    min={0}
                    max={100}
                    step={1}
                    value={w}
                    disabled={!isManager}
                    aria-label={`Weight: ${f.label}`}
                    onChange={(e) =>
                      setDraft({ ...(draft ?? data.weights), [f.factor]: Number(e.target.value) })
                    }
                  />
                  <span className="num">{w}</span>
                  <small className="muted">{f.normalization}</small>
                </label>
              );
            })}
            {isManager && draft ? (
              <div className="row-actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={save.isPending}
                  onClick={() =>
                    save.mutate(draft, {
                      onSuccess: () => {
                        setDraft(null);
                        toast({ title: 'Weights saved' });
                      },
                      onError: (e) =>
                        toast({ tone: 'danger', title: 'Could not save', detail: errorMessage(e) }),
                    })
                  }
                >
                  Save weights
                </button>
                <button type="button" className="btn" onClick={() => setDraft(null)}>
                  Reset
                </button>
              </div>
            ) : null}
            <h2 className="section-title">Save as target list</h2>
            <form
              className="row"
              style={{ gap: 'var(--sp-2)', alignItems: 'flex-end', flexWrap: 'wrap' }}
              onSubmit={(e) => {
                e.preventDefault();
                const name = listName.trim() || suggestedName;
                if (!name) return;
                createList.mutate(
                  { name, limit: 50, weights: draft ?? undefined, ...filter },
                  { onSuccess: () => setListName('') },
                );
              }}
            >
              <TextField
                label="List name"
                value={listName}
                onChange={(e) => setListName(e.target.value)}
                placeholder={suggestedName || 'Orthopedic leakage Q1'}
                maxLength={120}
              />
              <button
                type="submit"
                className="btn"
                disabled={createList.isPending || me.data?.role === 'analyst'}
              >
                Save list
              </button>
              {createList.error ? <p className="error">{errorMessage(createList.error)}</p> : null}
            </form>
            <ul className="target-lists" aria-label="Target lists">
              {(lists.data?.items ?? []).map((l) => (
                <li key={l.id}>
                  <Link to={`/targets/lists/${l.id}`}>{l.name}</Link>{' '}
                  <span className="muted">
                    · {l.reached}/{l.members} reached{l.owner_name ? ` · ${l.owner_name}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
    </Page>
  );
}
