// The fields of a logged visit, shared by the desktop "Log visit" sheet and the phone's Log visit
// page: type chips, attendees (each caller brings its own picker), outcome chips, a note box that
// suits dictation, and a follow-up toggle. The two differ in look only (their own CSS classes and
// ids, the phone's larger note box), so one `look` per surface keeps the markup each had before.
import { type CSSProperties, type ReactNode, type TextareaHTMLAttributes, useState } from 'react';
import { OUTCOMES, type Outcome, plusDays } from './crmApi';

type Look = {
  fieldset: { className: string; style?: CSSProperties };
  row: string;
  chip: string;
  id: string;
  notes: TextareaHTMLAttributes<HTMLTextAreaElement>;
  toggle: string;
  /** The follow-up title and due date sit side by side on the sheet, stacked on the phone. */
  followRow?: CSSProperties;
  followFlex?: [CSSProperties, CSSProperties];
};

const LOOKS: Record<'sheet' | 'phone', Look> = {
  sheet: {
    fieldset: { className: 'field', style: { border: 0, padding: 0, margin: 0 } },
    row: 'choice-row',
    chip: 'choice',
    id: 'log',
    notes: {
      className: 'input',
      placeholder: 'What was discussed, what they asked for (dictation works here)',
    },
    toggle: 'checkbox',
    followRow: { gap: 'var(--sp-2)', flexWrap: 'wrap' },
    followFlex: [{ flex: '2 1 180px' }, { flex: '1 1 120px' }],
  },
  phone: {
    fieldset: { className: 'fld-fieldset' },
    row: 'fld-choice-row',
    chip: 'fld-choice',
    id: 'fld',
    notes: {
      className: 'input fld-note',
      placeholder: 'What was discussed, what they asked for (use the keyboard’s microphone to dictate)',
      autoCorrect: 'on',
      enterKeyHint: 'enter',
      maxLength: 20_000,
    },
    toggle: 'fld-switch',
  },
};

export type VisitLook = keyof typeof LOOKS;

/** The visit being written. `reset` clears what was said, keeping the type and due date. */
export function useVisitDraft<T extends string>(initialType: T) {
  const [type, setType] = useState<T>(initialType);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [notes, setNotes] = useState('');
  const [follow, setFollow] = useState(false);
  const [followTitle, setFollowTitle] = useState('');
  const [due, setDue] = useState(plusDays(7));
  const reset = () => {
    setOutcome(null);
    setNotes('');
    setFollow(false);
    setFollowTitle('');
  };
  return {
    type,
    setType,
    outcome,
    setOutcome,
    notes,
    setNotes,
    follow,
    setFollow,
    followTitle,
    setFollowTitle,
    due,
    setDue,
    reset,
  };
}
export type VisitDraft<T extends string> = ReturnType<typeof useVisitDraft<T>>;

/** A row of pressable chips under a legend; `on` says which are pressed. */
export function ChoiceChips<K extends string>({
  look,
  legend,
  options,
  on,
  onPick,
}: {
  look: VisitLook;
  legend: string;
  options: readonly (readonly [K, string])[];
  on: (k: K) => boolean;
  onPick: (k: K) => void;
}) {
  const l = LOOKS[look];
  return (
    <fieldset className={l.fieldset.className} style={l.fieldset.style}>
      <legend className="field-label">{legend}</legend>
      <div className={l.row}>
        {options.map(([k, label]) => (
          <button key={k} type="button" className={l.chip} aria-pressed={on(k)} onClick={() => onPick(k)}>
            {label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function VisitFormFields<T extends string>({
  look,
  draft: d,
  types,
  attendees,
}: {
  look: VisitLook;
  draft: VisitDraft<T>;
  types: readonly (readonly [T, string])[];
  attendees: ReactNode;
}) {
  const l = LOOKS[look];
  const followFields = (
    <>
      <div className="field" style={l.followFlex?.[0]}>
        <label className="field-label" htmlFor={`${l.id}-follow`}>
          Follow-up
        </label>
        <input
          id={`${l.id}-follow`}
          className="input"
          value={d.followTitle}
          onChange={(e) => d.setFollowTitle(e.target.value)}
          placeholder="Send the new MRI hours"
        />
      </div>
      <div className="field" style={l.followFlex?.[1]}>
        <label className="field-label" htmlFor={`${l.id}-due`}>
          Due
        </label>
        <input
          id={`${l.id}-due`}
          className="input"
          type="date"
          value={d.due}
          onChange={(e) => d.setDue(e.target.value)}
        />
      </div>
    </>
  );
  return (
    <>
      <ChoiceChips look={look} legend="Type" options={types} on={(k) => d.type === k} onPick={d.setType} />
      {attendees}
      <ChoiceChips
        look={look}
        legend="Outcome"
        options={OUTCOMES}
        on={(k) => d.outcome === k}
        onPick={(k) => d.setOutcome(d.outcome === k ? null : k)}
      />
      <div className="field">
        <label className="field-label" htmlFor={`${l.id}-notes`}>
          Notes
        </label>
        <textarea
          id={`${l.id}-notes`}
          {...l.notes}
          value={d.notes}
          onChange={(e) => d.setNotes(e.target.value)}
          autoCapitalize="sentences"
          spellCheck
        />
      </div>
      <label className={l.toggle}>
        <input type="checkbox" checked={d.follow} onChange={(e) => d.setFollow(e.target.checked)} /> Add a
        follow-up task
      </label>
      {!d.follow ? null : l.followRow ? (
        <div className="row" style={l.followRow}>
          {followFields}
        </div>
      ) : (
        followFields
      )}
    </>
  );
}
