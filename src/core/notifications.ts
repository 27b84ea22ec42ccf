// The words of an in-app notification, composed when it is written (commands/notifications.ts).
// A notification says who did what, names the record, and links to where it can be acted on.

export type NotificationKind =
  | 'task_assigned'
  | 'issue_assigned'
  | 'issue_resolved'
  | 'goal_set'
  | 'target_list'
  | 'import_done'
  | 'watched'
  | 'reminder'
  | 'alert_assigned'
  | 'book_assigned'
  | 'alerts_new';

export type NotificationText = {
  kind: NotificationKind;
  title: string;
  detail: string;
  link: string;
  entity: string | null;
  entityId: string | null;
};

export const TITLE_MAX = 300;
export const DETAIL_MAX = 500;

/** Cut to `max` characters with an ellipsis (titles of tasks may be long). */
export function clip(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

const joinParts = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');
const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const finish = (t: NotificationText): NotificationText => ({
  ...t,
  title: clip(t.title, TITLE_MAX),
  detail: clip(t.detail, DETAIL_MAX),
});

export function taskAssigned(
  actor: string,
  task: { id: number; title: string; dueOn: string | null; about: string | null },
): NotificationText {
  return finish({
    kind: 'task_assigned',
    title: `${actor} assigned you a task: ${task.title}`,
    detail: joinParts([task.about, task.dueOn ? `due ${task.dueOn}` : 'no due date']),
    link: `/tasks?task=${task.id}`,
    entity: 'task',
    entityId: String(task.id),
  });
}

export function issueAssigned(
  actor: string,
  issue: { id: number; title: string; category: string; about: string | null },
): NotificationText {
  return finish({
    kind: 'issue_assigned',
    title: `${actor} made you the owner of a physician issue: ${issue.title}`,
    detail: joinParts([issue.about, issue.category]),
    link: `/issues?issue=${issue.id}`,
    entity: 'physician_issue',
    entityId: String(issue.id),
  });
}

/** The one who reported an issue hears when someone else resolves it: the loop is closed. */
export function issueResolved(
  actor: string,
  issue: { id: number; title: string; resolution: string | null; about: string | null },
): NotificationText {
  return finish({
    kind: 'issue_resolved',
    title: `${actor} resolved the physician issue you reported: ${issue.title}`,
    detail: joinParts([issue.about, issue.resolution]),
    link: `/issues?issue=${issue.id}`,
    entity: 'physician_issue',
    entityId: String(issue.id),
  });
}

/** A goal a manager set for someone, or changed (its target or period): what, how much, when. */
export function goalSet(
  actor: string,
  change: 'set' | 'changed',
  goal: {
    id: number;
    label: string;
    unit: 'count' | 'fraction';
    target: number;
    from: string;
    to: string;
    serviceLine: string | null;
  },
): NotificationText {
  const amount =
    goal.unit === 'fraction'
      ? `${Math.round(goal.target * 1000) / 10} %`
      : goal.target.toLocaleString('en-US');
  return finish({
    kind: 'goal_set',
    title: `${actor} ${change === 'set' ? 'set you a goal' : 'changed your goal'}: ${goal.label} ${amount}`,
    detail: joinParts([goal.serviceLine, `${goal.from} to ${goal.to}`]),
    link: '/goals',
    entity: 'goal',
    entityId: String(goal.id),
  });
}

/** A target list (campaign) made for someone else to work. */
export function targetListAssigned(
  actor: string,
  list: { id: number; name: string; members: number; dueOn: string | null; goal: string },
): NotificationText {
  return finish({
    kind: 'target_list',
    title: `${actor} gave you a target list: ${list.name}`,
    detail: joinParts([
      plural(list.members, 'physician', 'physicians'),
      list.dueOn ? `due ${list.dueOn}` : null,
      list.goal || null,
    ]),
    link: `/targets/lists/${list.id}`,
    entity: 'target_list',
    entityId: String(list.id),
  });
}

export function alertAssigned(
  actor: string,
  alert: { id: number; physician: string; summary: string },
): NotificationText {
  return finish({
    kind: 'alert_assigned',
    title: `${actor} assigned you a shifting-referrer alert: ${alert.physician}`,
    detail: alert.summary,
    link: `/referrals?alert=${alert.id}`,
    entity: 'alert',
    entityId: String(alert.id),
  });
}

/** Physicians put into a liaison's book of business in one change: `count` of them, the first few `named`. */
export function bookAssigned(actor: string, named: string[], count: number): NotificationText {
  const shown = named.slice(0, 3);
  const rest = count - shown.length;
  return finish({
    kind: 'book_assigned',
    title: `${actor} added ${plural(count, 'physician', 'physicians')} to your book`,
    detail: `${shown.join(', ')}${rest > 0 ? ` and ${plural(rest, 'other', 'others')}` : ''}`,
    link: '/providers?owner=me', // the recipient's own book
    entity: null,
    entityId: null,
  });
}

/** After an alert run: how many of its new alerts are about physicians in the user's territory (or team's). */
export function alertsNew(
  count: number,
  scope: 'territory' | 'market',
  dataDate: string | null,
): NotificationText {
  return finish({
    kind: 'alerts_new',
    title: `${plural(count, 'new shifting-referrer alert', 'new shifting-referrer alerts')} ${
      scope === 'territory' ? 'in your territory' : 'in the market'
    }`,
    detail: dataDate ? `Found in internal referrals through ${dataDate}` : 'Found in internal referrals',
    link: '/referrals',
    entity: 'alert_run',
    entityId: null,
  });
}

/** Days an issue may stay open before the daily reminder names it (the aging view's 31–90 d bucket). */
export const ISSUE_REMINDER_DAYS = 30;

/**
 * The morning reminder of promises not kept: open tasks past their due date and physician issues
 * open more than ISSUE_REMINDER_DAYS, the oldest named first; for managers also the old issues nobody
 * owns (they would otherwise reach no one). Null when there is nothing to say.
 */
export function overdueReminder(
  day: string,
  tasks: { count: number; oldest: string[] },
  issues: { count: number; oldest: string[] },
  unowned: { count: number; oldest: string[] } = { count: 0, oldest: [] },
): NotificationText | null {
  if (!tasks.count && !issues.count && !unowned.count) return null;
  const old = `open more than ${ISSUE_REMINDER_DAYS} days`;
  const mine = [
    tasks.count ? plural(tasks.count, 'overdue task', 'overdue tasks') : null,
    issues.count ? `${plural(issues.count, 'physician issue', 'physician issues')} ${old}` : null,
  ].filter(Boolean);
  const sentences = [
    mine.length ? `You have ${mine.join(' and ')}` : null,
    unowned.count
      ? `${plural(unowned.count, 'physician issue', 'physician issues')} ${old} ${unowned.count === 1 ? 'has' : 'have'} no owner`
      : null,
  ].filter(Boolean);
  const named = [...tasks.oldest, ...issues.oldest, ...unowned.oldest].slice(0, 3);
  return finish({
    kind: 'reminder',
    title: sentences.join('; '),
    detail: named.length ? `Oldest: ${named.join(' · ')}` : '',
    link: tasks.count ? '/tasks?overdue=true' : '/issues',
    entity: 'reminder',
    entityId: day,
  });
}

/** An import an administrator started has ended (it may run for minutes): counts, or why it failed. */
export function importEnded(job: {
  id: number;
  fileName: string;
  status: 'succeeded' | 'failed';
  read: number;
  inserted: number;
  updated: number;
  rejected: number;
  message: string | null;
}): NotificationText {
  const ok = job.status === 'succeeded';
  const counts = [
    plural(job.read, 'row read', 'rows read'),
    job.inserted ? `${job.inserted.toLocaleString('en-US')} new` : null,
    job.updated ? `${job.updated.toLocaleString('en-US')} updated` : null,
    job.rejected ? `${job.rejected.toLocaleString('en-US')} rejected` : null,
  ];
  return finish({
    kind: 'import_done',
    title: `Import ${ok ? 'finished' : 'failed'}: ${job.fileName}`,
    detail: ok ? joinParts(counts) : (job.message ?? 'no reason recorded'),
    link: `/admin/imports?job=${job.id}`,
    entity: 'import_job',
    entityId: String(job.id),
  });
}

/** Something happened to a physician the user watches: `what` says it in words, `link` where to see it. */
export function watchedPhysician(
  physician: string,
  what: string,
  detail: string,
  link: string,
  entity: { entity: string; id: string },
): NotificationText {
  return finish({
    kind: 'watched',
    title: `${physician}: ${what}`,
    detail,
    link,
    entity: entity.entity,
    entityId: entity.id,
  });
}

const ACTIVITY_WORDS: Record<string, string> = {
  in_person_visit: 'an in-person visit',
  drop_in: 'a drop-in',
  lunch_and_learn: 'a lunch-and-learn',
  call: 'a call',
  email: 'an e-mail',
  event: 'an event',
  virtual: 'a virtual meeting',
  note: 'a note',
};

/** "Casey Overton logged a lunch-and-learn" — what a watcher reads about an activity with the physician. */
export const activityWords = (actor: string, type: string) =>
  `${actor} logged ${ACTIVITY_WORDS[type] ?? 'an activity'}`;
