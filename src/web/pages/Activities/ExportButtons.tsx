// "Export CSV / XLSX" for any CRM list: plain links, so the browser downloads the file.
import type { Query } from '../../api/client';
import { exportHref } from './crmApi';

export function ExportButtons({ list, query }: { list: string; query?: Query }) {
  return (
    <span className="row" style={{ gap: 'var(--sp-2)' }}>
      <a className="btn btn-ghost" href={exportHref(list, 'csv', query)} download>
        Export CSV
      </a>
      <a className="btn btn-ghost" href={exportHref(list, 'xlsx', query)} download>
        Export XLSX
      </a>
    </span>
  );
}
