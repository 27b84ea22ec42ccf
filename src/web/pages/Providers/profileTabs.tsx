// The provider profile's tabs, in the order a liaison reads them: the referral base first, then
// their activity with us, their network, and the directory data.
import type { ReactNode } from 'react';
import { personName } from '../../../core/directory/personName';
import { ProviderActivityTab } from '../Activities/ProviderActivityTab';
import { ReferralBaseTab } from '../Market/ReferralBaseTab';
import { ProviderNetworkView } from '../Network/ProviderNetwork';
import type { ProviderProfile } from './Profile';
import { DetailsTab, LocationsTab, OrganizationsTab } from './ProfileSections';

export type ProfileTab = { id: string; label: string; render: (p: ProviderProfile) => ReactNode };

const displayName = (p: ProviderProfile) => personName({ first: p.name.first, last: p.name.last });

export const providerProfileTabs: ProfileTab[] = [
  { id: 'referrals', label: 'Referral base', render: (p) => <ReferralBaseTab npi={p.npi} /> },
  {
    id: 'activity',
    label: 'Activity',
    render: (p) => <ProviderActivityTab npi={p.npi} name={displayName(p)} />,
  },
  { id: 'network', label: 'Network', render: (p) => <ProviderNetworkView npi={p.npi} /> },
  { id: 'details', label: 'Details', render: (p) => <DetailsTab p={p} /> },
  { id: 'locations', label: 'Locations', render: (p) => <LocationsTab p={p} /> },
  { id: 'organizations', label: 'Organizations', render: (p) => <OrganizationsTab p={p} /> },
];
