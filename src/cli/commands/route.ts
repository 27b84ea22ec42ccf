// `rounds route plan --liaison <email> --date YYYY-MM-DD [--targets list|due]`: plans and saves a liaison's
// day from their targets, the same way the API does, and prints it (or the full JSON with --json).
import type { Command } from 'commander';
import { CrmError } from '../../commands/crm/errors';
import { NetworkError } from '../../commands/network/errors';
import { planRouteDay } from '../../commands/routes/planDay';
import { hhmm, presentPlan } from '../../commands/routes/present';
import { RouteError } from '../../commands/routes/types';
import { findUserByEmail } from '../../db/queries/users';
import { TravelError, travelFor } from '../../server/lib/travel';
import { CliError, printJson, withDatabase } from '../runtime';

type Flags = {
  liaison: string;
  date: string;
  targets: string;
  limit: string;
  start?: string;
  timeLimit: string;
  json?: boolean;
};

function parsePoint(s: string): { lat: number; lon: number; label: string } {
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(s.trim());
  const lat = Number(m?.[1]);
  const lon = Number(m?.[2]);
  if (!m || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    throw new CliError('--start must be "lat,lon", e.g. 36.1627,-86.7816');
  return { lat, lon, label: 'start' };
}

export function registerRouteCommands(program: Command) {
  const route = program.command('route').description('route planner');
  route
    .command('plan')
    .description(
      'plan and save a liaison’s day from their targets (visits due, or the top of the target list)',
    )
    .requiredOption('--liaison <email>', 'the liaison')
    .requiredOption('--date <YYYY-MM-DD>', 'the day to plan')
    .option('--targets <list|due>', 'due: targets with a visit due; list: the top targets', 'due')
    .option('--limit <n>', 'how many targets to consider', '25')
    .option('--start <lat,lon>', 'start and end point (default: the centre of the stops)')
    .option('--time-limit <seconds>', 'solver time budget', '2')
    .option('--json', 'print the saved plan as JSON')
    .action((o: Flags) =>
      withDatabase(async ({ db }, config) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date) || Number.isNaN(Date.parse(`${o.date}T00:00:00Z`)))
          throw new CliError('--date must be a date YYYY-MM-DD');
        if (o.targets !== 'due' && o.targets !== 'list') throw new CliError('--targets must be list or due');
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200)
          throw new CliError('--limit must be a whole number from 1 to 200');
        const seconds = Number(o.timeLimit);
        if (!(seconds > 0 && seconds <= 60))
          throw new CliError('--time-limit must be a number of seconds above 0 and at most 60');
        const user = await findUserByEmail(db, o.liaison);
        if (!user) throw new CliError(`--liaison: no user with e-mail ${o.liaison}`);
        const row = await planRouteDay(
          db,
          { id: null, label: 'cli', role: 'admin' },
          (points) => travelFor(db, config, points),
          {
            liaisonId: user.id,
            date: o.date,
            source: { targets: o.targets, limit },
            start: o.start ? parsePoint(o.start) : undefined,
            timeLimitMs: Math.round(seconds * 1000),
          },
        ).catch((e) => {
          const known =
            e instanceof RouteError ||
            e instanceof NetworkError ||
            e instanceof CrmError ||
            e instanceof TravelError;
          throw known ? new CliError(e.message) : e;
        });
        const plan = presentPlan(row, { id: user.id, email: user.email, name: user.name });
        if (o.json) return void printJson(plan);
        console.log(
          `Route ${plan.id} for ${user.email} on ${plan.date} (${plan.weekday}) — travel: ${plan.travel.label}`,
        );
        for (const v of plan.visits)
          console.log(
            `${String(v.seq).padStart(3)}. ${v.times.start}–${v.times.end}  ${v.name}${v.waitMin ? `  (wait ${v.waitMin} min)` : ''}`,
          );
        if (plan.lunch) console.log(`     lunch ${hhmm(plan.lunch.start)}–${hhmm(plan.lunch.end)}`);
        for (const u of plan.unassigned) console.log(`   left out: ${u.name} — ${u.reasonText}`);
        console.log(
          `${plan.totals.stops} stops · ${plan.totals.travelMinutes} min driving · ${plan.mileage.km} km (${plan.mileage.miles} mi)`,
        );
      }),
    );
}
