// Referral importers (customer CSV, FHIR ServiceRequest, CMS shared patients, CMS per-provider volumes).
export { importReferralsCsv, REFERRAL_COLUMNS, type ReferralColumn, type ReferralCsvOptions } from './csv';
export { type FhirReferralOptions, importFhirReferrals } from './fhir';
export { importProviderVolumes, type ProviderVolumeOptions } from './providerVolumes';
export { ReferralImportError, type ReferralImportResult } from './run';
export { importSharedPatients, SHARED_PATIENT_WINDOWS, type SharedPatientOptions } from './sharedPatients';
