// Every page's frame: title, optional subtitle and actions, and the data-source footnote.
import { type ReactNode, useEffect } from 'react';
import { SourceNote } from './SourceNote';

export function Page({
  title,
  subtitle,
  actions,
  source,
  loaded,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** Where the numbers on this page come from, e.g. { source: 'CMS 2015', dataDate: '30-day window' }. */
  source?: { source: string; dataDate?: string | null };
  /** Dashboards: true once every query behind the page has answered (see ui/renderGate.ts). */
  loaded?: boolean;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Rounds`;
  }, [title]);
  return (
    <div className="page" data-loaded={loaded === undefined ? undefined : String(loaded)}>
      <header className="page-head">
        <div>
          <h1 className="page-title">{title}</h1>
          {subtitle ? <p className="page-sub">{subtitle}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
      {source ? (
        <footer className="page-foot">
          <SourceNote source={source.source} dataDate={source.dataDate} />
        </footer>
      ) : null}
    </div>
  );
}
