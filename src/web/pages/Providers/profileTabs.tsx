// The provider profile's tabs. Other areas add theirs here (Referral base, Activity, Network):
// append { id, label, render: (p) => <YourTab profile={p} /> } — the profile page renders them in order.
import type { ReactNode } from 'react';
import type { ProviderProfile } from './Profile';
import { DetailsTab, LocationsTab, OrganizationsTab } from './ProfileSections';

export type ProfileTab = { id: string; label: string; render: (p: ProviderProfile) => ReactNode };

export const providerProfileTabs: ProfileTab[] = [
  { id: 'details', label: 'Details', render: (p) => <DetailsTab p={p} /> },
  { id: 'locations', label: 'Locations', render: (p) => <LocationsTab p={p} /> },
  { id: 'organizations', label: 'Organizations', render: (p) => <OrganizationsTab p={p} /> },
];
