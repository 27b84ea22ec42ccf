// First start on an empty database: load the synthetic demo market (default) or create one admin
// with a one-time password. Later starts find users and do nothing.
import type { Config } from '../config';
import type { Database } from '../db/connection';
import { countUsers } from '../db/queries/users';
import { addUser } from './users';

export type FirstRunResult =
  | { created: 'none' }
  | { created: 'resume'; finish: () => Promise<void> }
  | { created: 'admin'; email: string; password: string }
  | {
      created: 'demo';
      logins: { email: string; role: string; password: string }[];
      /** loads the referral history, alerts and network metrics; run after the server listens */
      finish: () => Promise<void>;
    };

export async function firstRun(
  database: Database,
  config: Config,
  log: (line: string) => void,
): Promise<FirstRunResult> {
  if ((await countUsers(database.db)) > 0) {
    const { resumeDemoLoad } = await import('../demo/load');
    const finish = await resumeDemoLoad(database, log);
    return finish ? { created: 'resume', finish } : { created: 'none' };
  }
  if (config.ROUNDS_DEMO === '1') {
    const { loadDefaultDemo } = await import('../demo/load');
    const { logins: all, finish } = await loadDefaultDemo(database, config, log);
    // print one login per role (all of them are in DATA_DIR/demo-logins.txt)
    const logins = all.filter((l, i) => all.findIndex((x) => x.role === l.role) === i);
    return { created: 'demo', logins, finish };
  }
  const r = await addUser(
    database.db,
    { id: null, label: 'first-run' },
    { email: 'admin@localhost', name: 'Administrator', role: 'admin' },
  );
  return { created: 'admin', email: r.user.email, password: r.oneTimePassword! };
}
