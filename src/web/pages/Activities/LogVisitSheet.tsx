// The phone-first "Log visit" sheet: type chips, attendees (preselected from the stop or profile),
// outcome chips, a note box that works with dictation, and a follow-up toggle. One tap saves the
// activity and its follow-up task together (one POST, idempotent through a client id).
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Drawer, useToast } from '../../ui';
import { AttendeePicker } from './AttendeePicker';
import {
  ACTIVITY_TYPES,
  type ActivityType,
  type Attendee,
  OUTCOMES,
  type Outcome,
  plusDays,
  useLogActivity,
} from './crmApi';
import './crm.css';

export type LogVisitPreset = { attendees?: Attendee[]; organizationId?: number | null; type?: ActivityType };

export function LogVisitSheet({
  open,
  onClose,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  preset?: LogVisitPreset;
}) {
  const toast = useToast();
  const log = useLogActivity();
  const [type, setType] = useState<ActivityType>(preset?.type ?? 'in_person_visit');
  const [attendees, setAttendees] = useState<Attendee[]>(preset?.attendees ?? []);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [notes, setNotes] = useState('');
  const [follow, setFollow] = useState(false);
  const [followTitle, setFollowTitle] = useState('');
  const [due, setDue] = useState(plusDays(7));
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const error =
    log.error instanceof ApiError ? log.error.detail : log.error ? 'Could not save; try again.' : null;

  const reset = () => {
    setAttendees(preset?.attendees ?? []);
    setOutcome(null);
    setNotes('');
    setFollow(false);
    setFollowTitle('');
    setClientId(crypto.randomUUID());
    log.reset();
  };

  const save = async () => {
    await log.mutateAsync({
      type,
      providerNpis: attendees.flatMap((a) => (a.npi ? [a.npi] : [])),
      contactIds: attendees.flatMap((a) => (a.contactId ? [a.contactId] : [])),
      organizationId: preset?.organizationId ?? null,
      outcome,
      notes,
      clientId,
      followUps: follow ? [{ title: followTitle.trim() || 'Follow up', dueOn: due || null }] : [],
    });
    toast({ title: follow ? 'Visit logged with a follow-up task' : 'Visit logged' });
    reset();
    onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="Log visit"
      footer={
        <button
          type="button"
          className="btn btn-primary btn-block btn-lg"
          disabled={log.isPending}
          onClick={() => void save().catch(() => {})}
        >
          {log.isPending ? 'Saving…' : 'Save'}
        </button>
      }
    >
      <form className="sheet-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field-label">Type</legend>
          <div className="choice-row">
            {ACTIVITY_TYPES.map(([k, label]) => (
              <button
                key={k}
                type="button"
                className="choice"
                aria-pressed={type === k}
                onClick={() => setType(k)}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>
        <AttendeePicker value={attendees} onChange={setAttendees} />
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field-label">Outcome</legend>
          <div className="choice-row">
            {OUTCOMES.map(([k, label]) => (
              <button
                key={k}
                type="button"
                className="choice"
                aria-pressed={outcome === k}
                onClick={() => setOutcome(outcome === k ? null : k)}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor="log-notes">
            Notes
          </label>
          <textarea
            id="log-notes"
            className="input"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            placeholder="What was discussed, what they asked for (dictation works here)"
            autoCapitalize="sentences"
            spellCheck
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Add a
          follow-up task
        </label>
        {follow ? (
          <div className="row" style={{ gap: 'var(--sp-2)', flexWrap: 'wrap' }}>
            <div className="field" style={{ flex: '2 1 180px' }}>
              <label className="field-label" htmlFor="log-follow">
                Follow-up
              </label>
              <input
                id="log-follow"
                className="input"
                value={followTitle}
                onChange={(e) => setFollowTitle(e.target.value)}
                placeholder="Send the new MRI hours"
              />
            </div>
            <div className="field" style={{ flex: '1 1 120px' }}>
              <label className="field-label" htmlFor="log-due">
                Due
              </label>
              <input
                id="log-due"
                className="input"
                type="date"
                value={due}
                onChange={(e) => setDue(e.target.value)}
              />
            </div>
          </div>
        ) : null}
        {error ? (
          <p className="callout callout-danger" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Drawer>
  );
}
