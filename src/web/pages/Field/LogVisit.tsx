// Log a visit on the phone: type chips, attendees preselected from the stop (or the provider card),
// outcome chips, a note box that suits dictation, a follow-up toggle. Saving puts the visit in the
// device outbox (works offline) and returns to Today, where the next stop is already up.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../api/hooks';
import type { Me } from '../../api/types';
import { EmptyState, Page, SkeletonRows, useToast } from '../../ui';
import { ACTIVITY_TYPES } from '../Activities/crmApi';
import { ChoiceChips, useVisitDraft, VisitFormFields } from '../Activities/VisitFormFields';
import { checkinFor } from './checkin';
import { type Bundle, queue, useFieldBundle } from './fieldApi';
import { OfflineBanner } from './SyncStatus';
import './field.css';

const FIELD_TYPES = ACTIVITY_TYPES.filter(([k]) => k !== 'note' && k !== 'email');
type Ctx = {
  title: string;
  people: { npi: string; name: string }[];
  organizationId: number | null;
  locationId: number | null;
  stop: { planId: number; stopId: string } | null;
  /** Idempotency key of a check-in at this stop the server already has (made on another phone). */
  storedCheckinKey: string | null;
  type: string;
};

function contextOf(b: Bundle, q: URLSearchParams): Ctx | null {
  const stopId = q.get('stop');
  const npi = q.get('npi');
  if (stopId && b.route) {
    const v = b.route.visits.find((x) => x.stopId === stopId);
    if (!v) return null;
    const org = b.organizations.find((o) => o.locations.some((l) => l.id === v.locationId));
    return {
      title: v.name,
      people: v.providers.map((p) => ({ npi: p.npi, name: p.name })),
      organizationId: org?.id ?? null,
      locationId: v.locationId,
      stop: { planId: b.route.id, stopId },
      storedCheckinKey: b.checkins?.find((c) => c.stopId === stopId)?.key ?? null,
      type: v.visitType === 'visit' ? 'in_person_visit' : v.visitType,
    };
  }
  if (npi) {
    const p = b.providers.find((x) => x.npi === npi);
    if (!p) return null;
    return {
      title: p.name,
      people: [{ npi, name: p.name }],
      organizationId: null,
      locationId: null,
      stop: null,
      storedCheckinKey: null,
      type: 'in_person_visit',
    };
  }
  return null;
}

function LogForm({ ctx, me }: { ctx: Ctx; me: Me }) {
  const toast = useToast();
  const navigate = useNavigate();
  const draft = useVisitDraft(ctx.type);
  const { type, outcome, notes, follow, followTitle, due } = draft;
  const [who, setWho] = useState(() => new Set(ctx.people.map((p) => p.npi)));
  const [saving, setSaving] = useState(false);
  const toggle = (npi: string) =>
    setWho((s) => {
      const n = new Set(s);
      if (n.has(npi)) n.delete(npi);
      else n.add(npi);
      return n;
    });
  const save = async () => {
    setSaving(true);
    try {
      const checkinKey =
        (ctx.stop ? checkinFor(ctx.stop.planId, ctx.stop.stopId)?.key : null) ?? ctx.storedCheckinKey;
      await queue(me.id, 'activity', `Visit · ${ctx.title}`, {
        type,
        occurredAt: new Date().toISOString(),
        organizationId: ctx.organizationId,
        locationId: ctx.locationId,
        subject: `Visit: ${ctx.title}`,
        outcome,
        notes,
        providerNpis: [...who],
        followUps: follow
          ? [{ title: followTitle.trim() || `Follow up: ${ctx.title}`, dueOn: due || null }]
          : [],
        ...(ctx.stop ? { routePlanId: ctx.stop.planId, stopId: ctx.stop.stopId } : {}),
        ...(checkinKey ? { checkinKey } : {}),
      });
      toast({
        title: navigator.onLine
          ? 'Visit saved'
          : 'Visit saved on this phone; it syncs when you are back online',
      });
      navigate('/field');
    } catch (e) {
      toast({
        tone: 'danger',
        title: 'Could not save the visit on this phone',
        detail: (e as Error).message,
      });
      setSaving(false);
    }
  };
  return (
    <form
      className="fld"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <VisitFormFields
        look="phone"
        draft={draft}
        types={FIELD_TYPES}
        attendees={
          ctx.people.length ? (
            <ChoiceChips
              look="phone"
              legend="Attendees"
              options={ctx.people.map((p) => [p.npi, p.name] as const)}
              on={(npi) => who.has(npi)}
              onPick={toggle}
            />
          ) : null
        }
      />
      <button type="submit" className="btn btn-primary btn-block btn-lg" disabled={saving}>
        {saving ? 'Saving…' : 'Save visit'}
      </button>
    </form>
  );
}

export default function LogVisit() {
  const me = useMe().data as Me;
  const [q] = useSearchParams();
  const bundle = useFieldBundle();
  const ctx = bundle.data ? contextOf(bundle.data, q) : null;
  return (
    <Page
      title={ctx ? `Log visit · ${ctx.title}` : 'Log visit'}
      actions={<Link to="/field">Back to Today</Link>}
    >
      <OfflineBanner />
      {bundle.isPending ? <SkeletonRows /> : null}
      {bundle.data && !ctx ? (
        <EmptyState icon="search" title="This stop or provider is not in today’s data">
          Go back to Today and pick a stop or a provider card.
        </EmptyState>
      ) : null}
      {ctx ? <LogForm key={q.toString()} ctx={ctx} me={me} /> : null}
    </Page>
  );
}
