// The list view of a graph: the same nodes as a sortable table (and the only view a screen reader
// or a browser without canvas needs).
import { Link } from 'react-router-dom';
import { type Column, DataTable, formatNumber } from '../../ui';
import type { GraphNode } from './api';
import { StatusChip } from './StatusChip';

const columns: Column<GraphNode>[] = [
  {
    id: 'name',
    header: 'Provider',
    alwaysVisible: true,
    sortValue: (n) => n.name,
    cell: (n) =>
      n.kind === 'provider' ? <Link to={`/network/provider/${n.id}`}>{n.name}</Link> : <span>{n.name}</span>,
  },
  {
    id: 'line',
    header: 'Service line',
    sortValue: (n) => n.serviceLine,
    cell: (n) => n.serviceLine?.replace(/_/g, ' ') ?? '—',
  },
  {
    id: 'status',
    header: 'Network',
    sortValue: (n) => n.networkStatus,
    cell: (n) => <StatusChip status={n.networkStatus} />,
  },
  {
    id: 'hop',
    header: 'Hop',
    align: 'right',
    sortValue: (n) => n.hop ?? null,
    cell: (n) => (n.hop === undefined ? '—' : n.hop),
    defaultHidden: false,
  },
  {
    id: 'pr',
    header: 'PageRank pct',
    align: 'right',
    sortValue: (n) => n.influence?.pagerankPct ?? -1,
    cell: (n) => (n.influence ? `${Math.round(n.influence.pagerankPct * 100)}` : '—'),
  },
  {
    id: 'deg',
    header: 'Weighted degree',
    align: 'right',
    sortValue: (n) => n.influence?.weightedDegree ?? -1,
    cell: (n) => (n.influence ? formatNumber(n.influence.weightedDegree) : '—'),
  },
  {
    id: 'bc',
    header: 'Betweenness',
    align: 'right',
    hideOnPhone: true,
    sortValue: (n) => n.influence?.betweenness ?? -1,
    cell: (n) => n.influence?.betweenness.toFixed(4) ?? '—',
  },
  {
    id: 'comm',
    header: 'Community',
    align: 'right',
    hideOnPhone: true,
    sortValue: (n) => n.influence?.community ?? -1,
    cell: (n) => (n.influence ? `#${n.influence.community}` : '—'),
  },
];

export function NodeTable({
  nodes,
  label,
  onSelect,
  selected,
}: {
  nodes: GraphNode[];
  label: string;
  onSelect?: (id: string) => void;
  selected?: string | null;
}) {
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={nodes}
      rowKey={(n) => n.id}
      onRowClick={onSelect ? (n) => onSelect(n.id) : undefined}
      selectedKey={selected ?? null}
      initialSort={{ id: 'pr', dir: 'desc' }}
      maxHeight="60vh"
    />
  );
}
