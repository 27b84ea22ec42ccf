// Every directory import by kind: the CLI (`rounds import <kind>`) and the upload API use this table.
import type { Database } from '../db/connection';
import { importCmsAffiliations, importCmsClinicians } from './cms/importClinicians';
import { importLocations } from './directory/importLocations';
import { importMemberships } from './directory/importMemberships';
import { importOrganizations } from './directory/importOrganizations';
import type { JobCounts, RowError } from './jobs';
import { importNppesLocations, importNppesOtherNames } from './nppes/importCompanions';
import { importNppesDeactivations } from './nppes/importDeactivations';
import { importNppes } from './nppes/importNppes';
import type { ImportOptions } from './stagedImport';
import { importTaxonomy } from './taxonomy/importTaxonomy';

export type ImportResult = {
  jobId: number;
  counts: JobCounts;
  errors: RowError[];
  errorCount: number;
  dataDate: string | null;
};
export type DirectoryImportOptions = ImportOptions & { region?: string; source?: 'manual' | 'demo' };

export const IMPORT_KINDS = {
  nppes: {
    label: 'NPPES NPI data file (npidata_pfile, full or weekly)',
    extensions: ['.csv'],
    run: (d, f, o) => importNppes(d, f, o),
  },
  'nppes-locations': {
    label: 'NPPES secondary practice locations (pl_pfile)',
    extensions: ['.csv'],
    run: (d, f, o) => importNppesLocations(d, f, o),
  },
  'nppes-othernames': {
    label: 'NPPES organization other names (othername_pfile)',
    extensions: ['.csv'],
    run: (d, f, o) => importNppesOtherNames(d, f, o),
  },
  'nppes-deactivations': {
    label: 'NPPES Deactivated NPI Report',
    extensions: ['.xlsx', '.csv'],
    run: (d, f, o) => importNppesDeactivations(d, f, o),
  },
  taxonomy: {
    label: 'NUCC taxonomy code set',
    extensions: ['.csv'],
    run: (d, f, o) => importTaxonomy(d, f, o),
  },
  'cms-clinicians': {
    label: 'CMS Doctors and Clinicians national file',
    extensions: ['.csv'],
    run: (d, f, o) => importCmsClinicians(d, f, o),
  },
  'cms-affiliations': {
    label: 'CMS Facility Affiliation file',
    extensions: ['.csv'],
    run: (d, f, o) => importCmsAffiliations(d, f, o),
  },
  organizations: {
    label: 'organizations.csv',
    extensions: ['.csv'],
    run: (d, f, o) => importOrganizations(d, f, o),
  },
  memberships: {
    label: 'memberships.csv',
    extensions: ['.csv'],
    run: (d, f, o) => importMemberships(d, f, o),
  },
  locations: {
    label: 'locations.csv (offices)',
    extensions: ['.csv'],
    run: (d, f, o) => importLocations(d, f, o),
  },
} satisfies Record<
  string,
  {
    label: string;
    extensions: string[];
    run: (d: Database, file: string, o: DirectoryImportOptions) => Promise<ImportResult>;
  }
>;

export type ImportKind = keyof typeof IMPORT_KINDS;
export const importKinds = Object.keys(IMPORT_KINDS) as ImportKind[];
export const isImportKind = (k: string): k is ImportKind => k in IMPORT_KINDS;
