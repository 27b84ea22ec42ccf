// Admin → Data: upload a file to any directory importer with progress, the import-job history
// (counts and row-level problems with line numbers) and the New to market list.
import { useState } from 'react';
import { useImportJobs } from '../../../api/hooks';
import { DataTable, EmptyState, Page, SkeletonRows } from '../../../ui';
import { AdminTabs } from '../AdminTabs';
import { ImportJobDrawer } from '../ImportJobDrawer';
import { importJobColumns } from '../ImportJobs';
import { NewToMarket } from './NewToMarket';
import { UploadCard } from './UploadCard';

export default function DataPage() {
  const jobs = useImportJobs();
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Page title="Data" subtitle="Load public files (NPPES, NUCC, CMS) and your own directory files">
      <AdminTabs />
      <UploadCard onOpenJob={setOpenId} />
      <section className="stack" aria-labelledby="jobs-h">
        <h2 id="jobs-h" style={{ fontSize: 'var(--fs-md)' }}>
          Import history
        </h2>
        {jobs.isPending ? (
          <SkeletonRows columns={6} />
        ) : jobs.isError ? (
          <EmptyState icon="alert" title="Import jobs could not be loaded">
            {jobs.error.message}
          </EmptyState>
        ) : (
          <DataTable
            label="Import history"
            columns={importJobColumns}
            rows={jobs.data}
            rowKey={(j) => j.id}
            onRowClick={(j) => setOpenId(j.id)}
            selectedKey={openId}
            initialSort={{ id: 'id', dir: 'desc' }}
            chooserKey="admin-data-jobs"
            rowHeight={52}
            empty={
              <EmptyState title="No imports yet">Upload a file above to start the first one.</EmptyState>
            }
          />
        )}
      </section>
      <NewToMarket />
      <ImportJobDrawer id={openId} onClose={() => setOpenId(null)} />
    </Page>
  );
}
