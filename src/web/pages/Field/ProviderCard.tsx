// A provider card for the phone, from the day bundle: contact, last visit, referral summary with its
// source and data date, recent notes; log a visit or add a note (both saved offline first).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../api/hooks';
import type { Me } from '../../api/types';
import { EmptyState, formatDate, Page, SkeletonRows, SourceNote, useToast } from '../../ui';
import { queue, useFieldBundle } from './fieldApi';
import { OfflineBanner } from './SyncStatus';
import './field.css';

export default function FieldProviderCard() {
  const me = useMe().data as Me;
  const toast = useToast();
  const { npi = '' } = useParams();
  const bundle = useFieldBundle();
  const b = bundle.data;
  const p = b?.providers.find((x) => x.npi === npi);
  const [note, setNote] = useState('');
  return (
    <Page
      title={p?.name ?? 'Provider'}
      subtitle={p?.specialty ?? undefined}
      actions={<Link to="/field">Back to Today</Link>}
    >
      <div className="fld">
        <OfflineBanner />
        {bundle.isPending ? <SkeletonRows /> : null}
        {b && !p ? (
          <EmptyState
            icon="search"
            title="Not in today’s data"
            action={
              navigator.onLine ? (
                <Link className="btn" to={`/providers/${npi}`}>
                  Open the full profile
                </Link>
              ) : null
            }
          >
            Only your targets and today’s stops are kept on the phone
            {navigator.onLine ? '; with a connection the full profile opens.' : '.'}
          </EmptyState>
        ) : null}
        {p ? (
          <>
            <section className="fld-card">
              <dl className="fld-kv">
                <dt>Address</dt>
                <dd>{p.address || '—'}</dd>
                <dt>Phone</dt>
                <dd>{p.phone ? <a href={`tel:${p.phone}`}>{p.phone}</a> : '—'}</dd>
                <dt>Last visit</dt>
                <dd>{p.lastVisitAt ? formatDate(p.lastVisitAt) : 'none recorded'}</dd>
                <dt>Open issues</dt>
                <dd>{p.openIssues}</dd>
              </dl>
              <div className="fld-actions">
                <Link className="btn btn-primary" to={`/field/log?npi=${p.npi}`}>
                  Log visit
                </Link>
              </div>
            </section>
            {p.referrals ? (
              <section className="fld-card" aria-labelledby="ref-h">
                <h3 id="ref-h">Referrals</h3>
                <dl className="fld-kv">
                  <dt>Last 6 months</dt>
                  <dd>{p.referrals.last6Months}</dd>
                  <dt>6 months before</dt>
                  <dd>{p.referrals.prior6Months}</dd>
                  <dt>Leaked (12 mo)</dt>
                  <dd>
                    {p.referrals.leakedLast12}
                    {p.referrals.leakageServiceLines.length
                      ? ` · ${p.referrals.leakageServiceLines.join(', ')}`
                      : ''}
                  </dd>
                  <dt>Segment</dt>
                  <dd>{p.referrals.segment ?? '—'}</dd>
                </dl>
                <SourceNote
                  source={b!.referralSource.source}
                  dataDate={
                    b!.referralSource.window
                      ? `${b!.referralSource.window.from} to ${b!.referralSource.window.to}`
                      : b!.referralSource.dataDate
                  }
                />
              </section>
            ) : null}
            <section className="fld-card" aria-labelledby="notes-h">
              <h3 id="notes-h">Recent notes</h3>
              {p.recentNotes.length ? (
                <ul className="fld-list">
                  {p.recentNotes.map((n) => (
                    <li key={n.activityId}>
                      <span className="fld-muted">
                        {formatDate(n.at)} · {n.by ?? 'unknown'}
                      </span>
                      <div>{n.text}</div>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="fld-muted">No notes yet.</p>
              )}
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!note.trim()) return;
                  void queue(me.id, 'note', `Note · ${p.name}`, {
                    providerNpi: p.npi,
                    text: note.trim(),
                    occurredAt: new Date().toISOString(),
                  }).then(() => {
                    setNote('');
                    toast({ title: 'Note saved' });
                  });
                }}
              >
                <div className="field">
                  <label className="field-label" htmlFor="fld-card-note">
                    Add a note
                  </label>
                  <textarea
                    id="fld-card-note"
                    className="input fld-note"
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    autoCapitalize="sentences"
                    spellCheck
                  />
                </div>
                <button type="submit" className="btn">
                  Save note
                </button>
              </form>
            </section>
          </>
        ) : null}
      </div>
    </Page>
  );
}
