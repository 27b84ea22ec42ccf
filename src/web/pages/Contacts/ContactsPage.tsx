// Contacts at practices (office managers, referral coordinators, schedulers, administrators):
// search, export and spreadsheet import.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { type Column, DataTable, EmptyState, Page, SkeletonRows } from '../../ui';
import { ExportButtons } from '../Activities/ExportButtons';
import { ImportSheetModal } from './ImportSheetModal';
import '../Activities/crm.css';

type Contact = {
  id: number;
  first_name: string;
  last_name: string;
  role: string;
  organization_name: string | null;
  phone: string | null;
  email: string | null;
  preferred_contact: string | null;
  notes: string;
};

export default function ContactsPage() {
  const me = useMe().data;
  const [q, setQ] = useState('');
  const [importing, setImporting] = useState(false);
  const term = q.trim();
  const list = useQuery({
    queryKey: ['contacts', term],
    queryFn: ({ signal }) =>
      api<{ items: Contact[] }>('/api/contacts', { query: { q: term || undefined, limit: 1000 }, signal }),
  });
  const columns: Column<Contact>[] = [
    {
      id: 'name',
      header: 'Name',
      sortValue: (c) => `${c.last_name} ${c.first_name}`,
      cell: (c) => (
        <div>
          <div className="cell-main">
            {c.first_name} {c.last_name}
          </div>
          <div className="cell-sub">{c.role.replace(/_/g, ' ')}</div>
        </div>
      ),
    },
    {
      id: 'org',
      header: 'Practice',
      sortValue: (c) => c.organization_name,
      cell: (c) => c.organization_name ?? '',
    },
    {
      id: 'phone',
      header: 'Phone',
      hideOnPhone: true,
      cell: (c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : ''),
    },
    {
      id: 'email',
      header: 'E-mail',
      hideOnPhone: true,
      cell: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : ''),
    },
    {
      id: 'pref',
      header: 'Prefers',
      hideOnPhone: true,
      cell: (c) => c.preferred_contact?.replace('_', ' ') ?? '',
    },
  ];
  return (
    <Page
      title="Contacts"
      subtitle="Office managers, referral coordinators, schedulers and administrators at practices"
      actions={
        <>
          <ExportButtons list="contacts" />
          {me?.role !== 'analyst' ? (
            <button type="button" className="btn btn-primary" onClick={() => setImporting(true)}>
              Import spreadsheet
            </button>
          ) : null}
        </>
      }
    >
      <div className="field" style={{ maxWidth: 360 }}>
        <label className="field-label" htmlFor="contacts-q">
          Search
        </label>
        <input
          id="contacts-q"
          className="input"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Name, e-mail or note"
        />
      </div>
      {list.isLoading ? (
        <SkeletonRows rows={8} />
      ) : (
        <DataTable
          label="Contacts"
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          empty={
            <EmptyState icon="users" title="No contacts yet">
              Import your spreadsheet of practice contacts, or add them as you meet them.
            </EmptyState>
          }
        />
      )}
      {importing ? <ImportSheetModal kind="contacts" onClose={() => setImporting(false)} /> : null}
    </Page>
  );
}
