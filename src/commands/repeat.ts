// The timers of the jobs inside `rounds serve` (scheduled backups, daily reminders, notification
// e-mail): a first check soon after start, then one every `everyMs`; a check still running when
// the next is due is not started twice. Timers never keep the process alive.
export function repeat(check: () => Promise<void>, opts: { firstMs: number; everyMs: number }): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await check();
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(tick, opts.firstMs);
  const timer = setInterval(tick, opts.everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
