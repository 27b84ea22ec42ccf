// The page-level downloads: the whole dashboard as one XLSX workbook (a sheet per panel) and as PDF.
import type { Query } from '../../api/client';
import { Icon } from '../../ui';
import { dashboardFileUrl } from './api';

export function DownloadBar({ name, params, pdfLabel }: { name: string; params?: Query; pdfLabel: string }) {
  return (
    <span className="row dash-exports">
      <a className="btn" href={dashboardFileUrl(name, 'xlsx', params)} download data-testid="download-xlsx">
        <Icon name="import" size={16} />
        XLSX
      </a>
      <a className="btn" href={dashboardFileUrl(name, 'pdf', params)} download data-testid="download-pdf">
        <Icon name="import" size={16} />
        {pdfLabel}
      </a>
    </span>
  );
}
