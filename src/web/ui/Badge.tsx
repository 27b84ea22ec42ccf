// Chips. Status colors are reserved for meaning: network status and alert severity.
import type { ReactNode } from 'react';

export type NetworkStatus = 'ours' | 'affiliated' | 'independent' | 'competitor';
export type Severity = 'high' | 'medium' | 'low';
export type Tone = NetworkStatus | Severity | 'ok' | 'warn' | 'danger' | 'info' | 'accent' | 'neutral';

const NETWORK_LABEL: Record<NetworkStatus, string> = {
  ours: 'Ours',
  affiliated: 'Affiliated',
  independent: 'Independent',
  competitor: 'Competitor',
};

export function Chip({
  tone = 'neutral',
  dot,
  outline,
  title,
  children,
}: {
  tone?: Tone;
  dot?: boolean;
  outline?: boolean;
  title?: string;
  children: ReactNode;
}) {
  const cls = ['chip', outline ? 'chip-outline' : `tone-${tone}`, dot ? 'chip-dot' : ''].join(' ');
  return (
    <span className={cls} title={title}>
      {children}
    </span>
  );
}

export const Badge = Chip;

export function NetworkChip({ status }: { status: NetworkStatus }) {
  return (
    <Chip tone={status} dot>
      {NETWORK_LABEL[status]}
    </Chip>
  );
}

export function SeverityChip({ severity }: { severity: Severity }) {
  return (
    <Chip tone={severity} dot>
      {severity[0]!.toUpperCase() + severity.slice(1)}
    </Chip>
  );
}
