// "Add task": a follow-up for the signed-in user (or a colleague, who is notified), due in a week unless changed — about a physician (on a
// profile, or picked here from the Tasks page) or about nothing in particular. It shows in Tasks, on Today
// when due, and in the physician's timeline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import { Modal, TextField, useToast } from '../../ui';
import { AttendeePicker } from '../Activities/AttendeePicker';
import type { Attendee } from '../Activities/crmApi';
import { OwnerSelect } from '../Activities/OwnerSelect';

const inDays = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function AddTaskModal({
  npi,
  name,
  onClose,
}: {
  /** the physician the task is about; without it the form offers a picker */
  npi?: string;
  name?: string;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(inDays(7));
  const [description, setDescription] = useState('');
  const [about, setAbout] = useState<Attendee[]>([]);
  const [ownerId, setOwnerId] = useState<number | null>(null);
  const picked = about.find((a) => a.npi);
  const providerNpi = npi ?? picked?.npi ?? null;
  const who = name ?? picked?.name;
  const add = useMutation({
    mutationFn: () =>
      api('/api/tasks', {
        body: {
          title: title.trim(),
          dueOn: dueOn || null,
          description: description || undefined,
          providerNpi,
          ...(ownerId !== null ? { ownerId } : {}),
        },
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['tasks'] });
      qc.invalidateQueries({ queryKey: ['timeline'] });
      toast({ tone: 'ok', title: who ? `Task added for ${who}` : 'Task added' });
      onClose();
    },
  });
  const err = add.error instanceof ApiError ? add.error : null;
  return (
    <Modal
      open
      onClose={onClose}
      title={name ? `Add a task about ${name}` : 'Add a task'}
      footer={
        <button
          type="button"
          className="btn btn-primary"
          disabled={add.isPending || !title.trim()}
          onClick={() => add.mutate()}
        >
          Add task
        </button>
      }
    >
      <div className="stack">
        <TextField
          label="To do"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Send the new cardiology referral guide"
          error={err?.fieldMessage('title')}
        />
        {npi ? null : (
          <AttendeePicker
            label="About (a physician, optional)"
            value={about}
            onChange={(a) => setAbout(a.filter((x) => x.npi).slice(-1))}
          />
        )}
        <OwnerSelect value={ownerId} onChange={setOwnerId} />
        <TextField
          label="Due"
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={err?.fieldMessage('dueOn')}
        />
        <div className="field">
          <label className="field-label" htmlFor="task-desc">
            Details (never patient information)
          </label>
          <textarea
            id="task-desc"
            className="input"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {err && !err.fieldMessage('title') && !err.fieldMessage('dueOn') ? (
          <p className="callout callout-danger">{err.detail}</p>
        ) : null}
      </div>
    </Modal>
  );
}
