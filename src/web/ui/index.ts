// Shared UI kit. Import from 'ui' in pages: `import { Page, DataTable, Chip } from '../../ui';`
export {
  Badge,
  Chip,
  NetworkChip,
  type NetworkStatus,
  type Severity,
  SeverityChip,
  type Tone,
} from './Badge';
export { CopyButton } from './CopyButton';
export { type Column, DataTable, type Sort } from './DataTable';
export { EChart, preloadCharts, seriesColors } from './EChart';
export { EmptyState } from './EmptyState';
export { Field, SelectField, TextField } from './Field';
export { formatDate, formatDateTime, formatNumber, relativeTime } from './format';
export { Icon, type IconName } from './icons';
export { Kpi, Stat, Trend } from './Kpi';
export {
  type Choropleth,
  choroplethScale,
  LeafletMap,
  type MapLine,
  type MapMarker,
} from './LeafletMap';
export { ExportLinks, FilterToggle, MapToggle, MoreButton } from './ListControls';
export { Drawer, Modal } from './Modal';
export { Page } from './Page';
export { Skeleton, SkeletonRows } from './Skeleton';
export { SourceNote } from './SourceNote';
export { NavTabs, Tabs } from './Tabs';
export { ToastProvider, useToast } from './Toast';
