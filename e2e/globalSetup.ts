// The demo server listens once the directory and CRM are in and loads the referral history in the
// background (as a first `npm start` does); journeys on it wait until that is complete.
import { SERVERS, serverUrl } from './servers';

export default async function globalSetup() {
  if (!SERVERS.demo.enabled) return;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const info = await fetch(`${serverUrl('demo')}/api/system/info`)
      .then((r) => r.json() as Promise<{ demo?: { loading: string | null } | null }>)
      .catch(() => null);
    if (info?.demo && !info.demo.loading) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('the demo server did not finish loading its referral history within 5 minutes');
}
