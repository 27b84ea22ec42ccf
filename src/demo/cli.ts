/** Usage: tsx src/demo/cli.ts --out DIR [--seed N] [--providers N] [--organizations N] [--months N] [--end YYYY-MM] */
import { generateDemoMarket } from './generate';

const args = process.argv.slice(2);
const get = (k: string) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const num = (k: string) => (get(k) === undefined ? undefined : Number(get(k)));
const outDir = get('out');
if (!outDir) {
  console.error(
    'usage: tsx src/demo/cli.ts --out DIR [--seed N] [--providers N] [--organizations N] [--months N] [--end YYYY-MM]',
  );
  process.exit(2);
}
const t0 = performance.now();
let last = '';
const res = await generateDemoMarket({
  outDir,
  seed: num('seed') ?? 42,
  providers: num('providers'),
  organizations: num('organizations'),
  months: num('months'),
  endMonth: get('end'),
  onProgress: ({ phase, done, total }) => {
    const mb = Math.round(process.memoryUsage().rss / 1e6);
    if (phase !== last || (done > 0 && done % 20_000 === 0)) {
      last = phase;
      const at = ((performance.now() - t0) / 1000).toFixed(1);
      process.stderr.write(`[${at}s] ${phase} ${done}/${total} rss=${mb}MB\n`);
    }
  },
});
const secs = (performance.now() - t0) / 1000;
const bytes = Object.values(res.files).reduce((s, f) => s + f.bytes, 0);
const cpu = process.cpuUsage();
console.log(
  JSON.stringify(
    {
      seconds: Math.round(secs * 10) / 10,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
      totalMB: Math.round(bytes / 1e5) / 10,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      events: res.events,
      qualifyingDriftEvents: res.qualifyingDriftEvents,
      files: res.files,
    },
    null,
    1,
  ),
);
