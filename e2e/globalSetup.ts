// The demo server listens once the directory and CRM are in and loads the referral history in the
// background (as a first `npm start` does); journeys on it wait until that is complete.
import { SERVERS, serverUrl } from './servers';

export default async function globalSetup() {
  if (!SERVERS.demo.enabled) return;
  const t0 = Date.now();
  console.log(`e2e: servers listening ${Math.round(process.uptime())} s after Playwright started`);
  const deadline = t0 + 300_000;
  while (Date.now() < deadline) {
    const info = await fetch(`${serverUrl('demo')}/api/system/info`)
      .then((r) => r.json() as Promise<{ demo?: { loading: string | null } | null }>)
      .catch(() => null);
    if (info?.demo && !info.demo.loading) {
      console.log(
        `e2e: the demo market's referral history was loaded ${Math.round((Date.now() - t0) / 1000)} s after the servers listened`,
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('the demo server did not finish loading its referral history within 5 minutes');
}
