// Follow-up tasks: a task is overdue when it is still open (or in progress) after its due date.
import { daysBetween } from './visitCadence';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const isClosedTask = (s: string) => s === 'done' || s === 'cancelled';

export function taskOverdue(
  t: { status: string; dueOn: string | null },
  today: string | Date,
): { overdue: boolean; daysOverdue: number } {
  if (!t.dueOn || isClosedTask(t.status)) return { overdue: false, daysOverdue: 0 };
  const late = daysBetween(t.dueOn, today);
  return { overdue: late > 0, daysOverdue: Math.max(0, late) };
}
