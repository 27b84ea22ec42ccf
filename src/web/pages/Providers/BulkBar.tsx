// What a liaison does with the providers ticked in the list: assign an owner, set a tier, add them
// to a target list, export them. Each write is one request for all of them (all or none, audited).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ExportLinks, useToast } from '../../ui';
import { useTargetLists, useUsers } from './crmLookups';

type Bulk = { kind: 'owner' | 'tier' | 'list'; value: string };

export function BulkBar({
  npis,
  canEdit,
  myId,
  onClear,
}: {
  npis: string[];
  canEdit: boolean;
  myId: number | null;
  onClear: () => void;
}) {
  const users = useUsers();
  const lists = useTargetLists(canEdit);
  const qc = useQueryClient();
  const toast = useToast();
  const n = `${npis.length} provider${npis.length === 1 ? '' : 's'}`;
  const act = useMutation({
    mutationFn: async ({ kind, value }: Bulk) => {
      if (kind === 'list') {
        const r = await api<{ added: string[]; alreadyOnList: string[] }>(
          `/api/target-lists/${value}/members`,
          { body: { npis } },
        );
        const name = lists.data?.items.find((l) => String(l.id) === value)?.name ?? 'the list';
        return `Added ${r.added.length} to ${name}${r.alreadyOnList.length ? ` (${r.alreadyOnList.length} already on it)` : ''}`;
      }
      const body =
        kind === 'owner'
          ? { npis, ownerId: value === 'none' ? null : Number(value) }
          : { npis, tier: value || null };
      const r = await api<{ updated: string[]; unchanged: string[] }>('/api/relationships/bulk', { body });
      const what =
        kind === 'tier'
          ? value
            ? `tier ${value}`
            : 'no tier'
          : value === 'none'
            ? 'no owner'
            : `owner ${users.data?.items.find((u) => String(u.id) === value)?.name ?? value}`;
      return `Set ${what} on ${r.updated.length} of ${n}`;
    },
    onSuccess: (title) => {
      toast({ title });
      qc.invalidateQueries({ queryKey: ['relationships'] });
      qc.invalidateQueries({ queryKey: ['providers'] });
      qc.invalidateQueries({ queryKey: ['target-lists'] });
    },
    onError: (e) => toast({ tone: 'danger', title: 'Nothing was changed', detail: (e as Error).message }),
  });
  /** A menu that acts on the ticked rows when a choice is made, then shows its prompt again. */
  const menu = (
    kind: Bulk['kind'],
    label: string,
    prompt: string,
    options: [value: string, label: string][],
  ) => (
    <select
      className="select"
      aria-label={label}
      defaultValue="-"
      disabled={act.isPending}
      onChange={(e) => {
        const value = e.target.value;
        e.target.value = '-';
        if (value !== '-') act.mutate({ kind, value });
      }}
    >
      <option value="-">{prompt}</option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
  const others = (users.data?.items ?? []).filter((u) => u.id !== myId);
  return (
    <section className="bulk-bar" aria-label="Selected providers">
      <strong>{n} selected</strong>
      {canEdit ? (
        <>
          {menu('owner', 'Assign owner', 'Assign owner…', [
            ...(myId !== null ? [[String(myId), 'Me'] as [string, string]] : []),
            ...others.map((u) => [String(u.id), u.name] as [string, string]),
            ['none', 'Nobody'],
          ])}
          {menu('tier', 'Set tier', 'Set tier…', [
            ['A', 'Tier A'],
            ['B', 'Tier B'],
            ['C', 'Tier C'],
            ['', 'No tier'],
          ])}
          {menu(
            'list',
            'Add to target list',
            lists.data?.items.length === 0 ? 'No target lists yet' : 'Add to list…',
            (lists.data?.items ?? []).map((l) => [String(l.id), l.name]),
          )}
        </>
      ) : null}
      <ExportLinks path="/api/providers/export" query={{ npis: npis.join(','), status: 'all' }} />
      <button type="button" className="btn btn-ghost" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
