// When has a page drawn its data? Pages say when their queries have resolved (`<Page loaded>` sets
// data-loaded on the page root) and every chart or map holds this gate from mount until it has drawn
// its data; <html data-render-pending> counts the holds. The dashboards benchmark and e2e tests wait
// for `.page[data-loaded="true"]` with no pending render, so "rendered" means the same thing everywhere.
import { useLayoutEffect } from 'react';

const pending = new Map<symbol, string>();

const publish = () => {
  document.documentElement.dataset.renderPending = String(pending.size);
  // What is still drawing (for anyone debugging a page that never reports itself rendered).
  document.documentElement.dataset.renderPendingWhat = [...new Set(pending.values())].join(' ');
};

/** Holds the gate; call the returned function (once or more, only the first counts) when drawn. */
export function holdRender(what: string): () => void {
  const token = Symbol(what);
  pending.set(token, what);
  publish();
  return () => {
    if (pending.delete(token)) publish();
  };
}

/** Holds the gate while `pending` (a panel's own query that the page does not wait for). */
export function useRenderHold(pending: boolean, what: string) {
  useLayoutEffect(() => (pending ? holdRender(what) : undefined), [pending, what]);
}
