// Admin → Users: everyone who can sign in, their role, manager and status; add, change role,
// disable/enable, reset password.
import { useMemo, useState } from 'react';
import { useMe, useUsers } from '../../api/hooks';
import { type Me, ROLE_LABEL, ROLES, type Role, type User } from '../../api/types';
import { useCommands } from '../../app/palette/registry';
import { Chip, type Column, DataTable, EmptyState, formatDate, Icon, Page, SkeletonRows } from '../../ui';
import { AddUserModal } from './AddUserModal';
import { AdminTabs } from './AdminTabs';
import { MailStatus } from './MailStatus';
import { ManageUserDrawer } from './ManageUserDrawer';

export default function Users() {
  const me = useMe().data as Me;
  const users = useUsers();
  const [adding, setAdding] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [role, setRole] = useState<Role | 'all'>('all');

  useCommands(
    useMemo(
      () => [
        {
          id: 'users:add',
          label: 'Add user',
          group: 'Actions',
          icon: 'plus' as const,
          perform: () => setAdding(true),
        },
      ],
      [],
    ),
  );

  const byId = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u])), [users.data]);
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (users.data ?? []).filter(
      (u) => (role === 'all' || u.role === role) && (!q || `${u.name} ${u.email}`.toLowerCase().includes(q)),
    );
  }, [users.data, filter, role]);

  const columns: Column<User>[] = [
    {
      id: 'name',
      header: 'Name',
      alwaysVisible: true,
      sortValue: (u) => u.name,
      cell: (u) => (
        <div>
          <div className="cell-main">
            {u.name}
            {u.id === me.id ? (
              <span className="muted" style={{ fontWeight: 400 }}>
                {' '}
                (you)
              </span>
            ) : null}
          </div>
          <div className="cell-sub show-phone">
            {u.email}
            {u.disabled ? ' · disabled' : ''}
          </div>
        </div>
      ),
    },
    { id: 'email', header: 'E-mail', hideOnPhone: true, sortValue: (u) => u.email, cell: (u) => u.email },
    {
      id: 'role',
      header: 'Role',
      sortValue: (u) => ROLES.indexOf(u.role),
      cell: (u) => <Chip tone={u.role === 'admin' ? 'accent' : 'neutral'}>{ROLE_LABEL[u.role]}</Chip>,
    },
    {
      id: 'manager',
      header: 'Manager',
      hideOnPhone: true,
      sortValue: (u) => (u.manager_id ? byId.get(u.manager_id)?.name : null),
      cell: (u) =>
        u.manager_id ? (
          (byId.get(u.manager_id)?.name ?? `#${u.manager_id}`)
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: 'status',
      header: 'Status',
      hideOnPhone: true,
      sortValue: (u) => (u.disabled ? 1 : 0),
      cell: (u) =>
        u.disabled ? (
          <Chip tone="neutral">Disabled</Chip>
        ) : (
          <Chip tone="ok" dot>
            Active
          </Chip>
        ),
    },
    {
      id: 'added',
      header: 'Added',
      hideOnPhone: true,
      sortValue: (u) => u.created_at,
      cell: (u) => formatDate(u.created_at),
    },
    {
      id: 'actions',
      header: '',
      alwaysVisible: true,
      hideOnPhone: true, // on a phone the whole row is the tap target
      width: 1,
      cell: (u) => (
        <button
          type="button"
          className="btn btn-ghost"
          aria-label={`Manage ${u.name}`}
          onClick={(e) => {
            e.stopPropagation();
            setSelectedId(u.id);
          }}
        >
          <span className="hide-phone-inline">Manage</span> <Icon name="chevronRight" size={16} />
        </button>
      ),
    },
  ];

  const active = (users.data ?? []).filter((u) => !u.disabled).length;
  return (
    <Page
      title="Users"
      subtitle={
        users.data
          ? `${users.data.length} ${users.data.length === 1 ? 'account' : 'accounts'} · ${active} active`
          : 'Accounts and roles'
      }
      actions={
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          <Icon name="plus" size={16} /> Add user
        </button>
      }
    >
      <AdminTabs />
      <MailStatus />
      {users.isPending ? (
        <SkeletonRows columns={5} />
      ) : users.isError ? (
        <EmptyState
          icon="alert"
          title="Users could not be loaded"
          action={
            <button type="button" className="btn" onClick={() => users.refetch()}>
              Try again
            </button>
          }
        >
          {users.error.message}
        </EmptyState>
      ) : (
        <DataTable
          label="Users"
          columns={columns}
          rows={rows}
          rowKey={(u) => u.id}
          onRowClick={(u) => setSelectedId(u.id)}
          selectedKey={selectedId}
          initialSort={{ id: 'name', dir: 'asc' }}
          chooserKey="admin-users"
          toolbar={
            <div className="row" style={{ flexWrap: 'wrap', flex: 1 }}>
              <input
                className="input"
                style={{ flex: '1 1 160px', maxWidth: 280 }}
                type="search"
                placeholder="Filter by name or e-mail"
                aria-label="Filter users by name or e-mail"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
              <select
                className="select"
                style={{ width: 'auto' }}
                aria-label="Filter by role"
                value={role}
                onChange={(e) => setRole(e.target.value as Role | 'all')}
              >
                <option value="all">All roles</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
              <span className="num">
                {rows.length === users.data.length ? '' : `${rows.length} of ${users.data.length}`}
              </span>
            </div>
          }
          empty={
            <EmptyState
              icon="users"
              title="No users match"
              action={
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    setFilter('');
                    setRole('all');
                  }}
                >
                  Clear filters
                </button>
              }
            >
              Nothing matches “{filter}”{role !== 'all' ? ` among ${ROLE_LABEL[role]} users` : ''}.
            </EmptyState>
          }
        />
      )}
      <AddUserModal open={adding} onClose={() => setAdding(false)} />
      <ManageUserDrawer
        user={selectedId ? (byId.get(selectedId) ?? null) : null}
        meId={me.id}
        onClose={() => setSelectedId(null)}
      />
    </Page>
  );
}
