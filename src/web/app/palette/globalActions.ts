// Actions the command palette offers on every page (ux.md: "also actions ('log visit', 'plan
// tomorrow')"); pages add their own while shown (useCommands).
import { STAFF } from '../routes';
import { registerCommands } from './registry';

/** Tomorrow's date where the liaison is (YYYY-MM-DD), the day a route is planned for. */
export function localTomorrow(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

registerCommands([
  {
    id: 'global:log-visit',
    label: 'Log visit',
    group: 'Actions',
    hint: 'the field form',
    icon: 'plus',
    keywords: 'activity call note check in',
    roles: STAFF,
    perform: ({ navigate }) => navigate('/field/log'),
  },
  {
    id: 'global:plan-tomorrow',
    label: 'Plan tomorrow',
    group: 'Actions',
    hint: "tomorrow's route",
    icon: 'routes',
    keywords: 'route day optimize',
    roles: STAFF,
    perform: ({ navigate }) => navigate(`/routes?date=${localTomorrow()}`),
  },
]);
