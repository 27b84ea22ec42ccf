// The small "where this number came from and how old it is" line under every figure.
import { Icon } from './icons';

export function SourceNote({ source, dataDate }: { source: string; dataDate?: string | null }) {
  return (
    <span className="source-note">
      <Icon name="database" size={12} />
      <span>
        {source}
        {dataDate ? ` · ${dataDate}` : ''}
      </span>
    </span>
  );
}
