// "For": who a new task or issue belongs to — yourself unless you hand it to a colleague, who is
// then told (a notification). Analysts and disabled accounts are not offered: they own no follow-ups.
import { useMe } from '../../api/hooks';
import { SelectField } from '../../ui';
import { useUsers } from '../Providers/crmLookups';

type U = { id: number; name: string; role?: string; disabled?: boolean };

/** `value` is a user id, or null for the signed-in user. */
export function OwnerSelect({
  value,
  onChange,
  label = 'For',
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  label?: string;
}) {
  const me = useMe().data;
  const users = (useUsers().data?.items ?? []) as U[];
  const others = users.filter((u) => u.id !== me?.id && !u.disabled && u.role !== 'analyst');
  return (
    <SelectField
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      options={[
        { value: '', label: me ? `Me (${me.name})` : 'Me' },
        ...others.map((u) => ({ value: String(u.id), label: `${u.name}${u.role ? ` (${u.role})` : ''}` })),
      ]}
    />
  );
}
