import { Chip } from '../../ui/Badge';
import type { NetStatus } from './api';

export function StatusChip({ status }: { status: NetStatus }) {
  return status === 'unknown' ? (
    <Chip tone="neutral" outline>
      No network
    </Chip>
  ) : (
    <Chip tone={status} dot>
      {status[0]!.toUpperCase() + status.slice(1)}
    </Chip>
  );
}
