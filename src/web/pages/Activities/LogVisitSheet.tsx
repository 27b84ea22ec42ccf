// The phone-first "Log visit" sheet: type chips, attendees (preselected from the stop or profile),
// outcome chips, a note box that works with dictation, and a follow-up toggle. One tap saves the
// activity and its follow-up task together (one POST, idempotent through a client id).
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { Drawer, useToast } from '../../ui';
import { AttendeePicker } from './AttendeePicker';
import { ACTIVITY_TYPES, type ActivityType, type Attendee, useLogActivity } from './crmApi';
import { useVisitDraft, VisitFormFields } from './VisitFormFields';
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
  const draft = useVisitDraft<ActivityType>(preset?.type ?? 'in_person_visit');
  const { type, outcome, notes, follow, followTitle, due } = draft;
  const [attendees, setAttendees] = useState<Attendee[]>(preset?.attendees ?? []);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const error =
    log.error instanceof ApiError ? log.error.detail : log.error ? 'Could not save; try again.' : null;

  const reset = () => {
    setAttendees(preset?.attendees ?? []);
    draft.reset();
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
        <VisitFormFields
          look="sheet"
          draft={draft}
          types={ACTIVITY_TYPES}
          attendees={<AttendeePicker value={attendees} onChange={setAttendees} />}
        />
        {error ? (
          <p className="callout callout-danger" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Drawer>
  );
}
