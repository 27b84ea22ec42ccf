// The demo server listens once the directory and CRM are in and loads the referral history in the
// background (as a first `npm start` does). Journeys on it wait here until that is complete; the
// journeys on the empty server run meanwhile, so the load overlaps them instead of delaying the run.
import { serverUrl } from './servers';

export const DEMO_LOAD_TIMEOUT = 360_000;
let loaded: Promise<void> | undefined;

async function poll() {
  const t0 = Date.now();
  while (Date.now() - t0 < DEMO_LOAD_TIMEOUT) {
    const info = await fetch(`${serverUrl('demo')}/api/system/info`)
      .then((r) => r.json() as Promise<{ demo?: { loading: string | null } | null }>)
      .catch(() => null);
    if (info?.demo && !info.demo.loading) {
      const waited = Math.round((Date.now() - t0) / 1000);
      if (waited > 0) console.log(`e2e: waited ${waited} s for the demo market's referral history`);
      return;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(
    `the demo server did not finish loading its referral history within ${DEMO_LOAD_TIMEOUT / 60_000} min`,
  );
}

/** Resolves once the demo market is fully loaded (one poll per worker process). */
export function demoLoaded(): Promise<void> {
  loaded ??= poll().catch((e) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}
