// The people a liaison deals with at the physician's practice (office manager, referral coordinator,
// scheduler): the contacts of the primary organization, with how each prefers to be reached.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';

type Contact = {
  id: number;
  first_name: string;
  last_name: string;
  role: string;
  phone: string | null;
  email: string | null;
  preferred_contact: string | null;
};

/** "(615) 596-6284" for a 10-digit US number; anything else as written. */
const phoneText = (p: string) => {
  const d = p.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : p;
};

export function PracticeContacts({
  organization,
  onItsPage = false,
}: {
  organization: { id: number; name: string } | null;
  /** on the organization's own profile the heading need not name it again */
  onItsPage?: boolean;
}) {
  const contacts = useQuery({
    queryKey: ['contacts', 'organization', organization?.id],
    queryFn: () =>
      api<{ items: Contact[] }>('/api/contacts', { query: { organizationId: organization!.id, limit: 100 } }),
    enabled: !!organization,
  });
  if (!organization) return null;
  const items = contacts.data?.items ?? [];
  return (
    <section aria-label="Contacts at the practice">
      <h3>
        {onItsPage ? (
          'Contacts'
        ) : (
          <>
            Contacts at <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
          </>
        )}
      </h3>
      {contacts.data && !items.length ? (
        <p className="muted">
          None yet — add them under <Link to="/contacts">Contacts</Link> (or import a spreadsheet there).
        </p>
      ) : (
        <ul>
          {items.map((c) => (
            <li key={c.id}>
              <strong>
                {c.first_name} {c.last_name}
              </strong>{' '}
              · {c.role.replace(/_/g, ' ')}
              {c.phone ? (
                <>
                  {' '}
                  · <a href={`tel:${c.phone}`}>{phoneText(c.phone)}</a>
                </>
              ) : null}
              {c.email ? (
                <>
                  {' '}
                  · <a href={`mailto:${c.email}`}>{c.email}</a>
                </>
              ) : null}
              {c.preferred_contact ? <span className="muted"> · prefers {c.preferred_contact}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
