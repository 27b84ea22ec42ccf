// The demo market's referral history loads in the background for about a minute after a first start.
// A page opened meanwhile says so instead of "import referrals", and every page's data is fetched again
// once the load is done, so what is on screen fills in without a reload.
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useSystemInfo } from '../api/hooks';
import { EmptyState } from '../ui';

/** What the demo is still loading ("referral history"), or null. */
export function useDemoLoading(): string | null {
  return useSystemInfo().data?.demo?.loading ?? null;
}

/** Refetches every query when the demo's background load ends (mounted once, in the top bar). */
export function useRefreshWhenDemoLoaded() {
  const loading = useDemoLoading();
  const qc = useQueryClient();
  const was = useRef(loading);
  useEffect(() => {
    if (was.current && !loading) void qc.invalidateQueries();
    was.current = loading;
  }, [loading, qc]);
}

/** The empty state of a page whose data the demo is still loading; otherwise `fallback`. */
export function EmptyUnlessDemoLoading({ fallback }: { fallback: ReactNode }) {
  const loading = useDemoLoading();
  if (!loading) return <>{fallback}</>;
  return (
    <EmptyState icon="refresh" title="The demo market is still loading">
      Its {loading} loads in the background on a first start (about a minute). This fills in when it is done.
    </EmptyState>
  );
}
