// The server's CapabilityStatement (GET /fhir/metadata), generated from the same parameter
// tables the search parser uses, so it cannot drift from what is implemented.
import { INCLUDES, SEARCH_PARAMS } from './search';
import { PROFILES, type Resource } from './types';

const DOCS: Record<string, string> = {
  identifier: 'NPI as http://hl7.org/fhir/sid/us-npi|<npi> (or the bare value)',
  specialty: 'NUCC taxonomy as http://nucc.org/provider-taxonomy|<code>',
  type: 'http://terminology.hl7.org/CodeSystem/organization-type|prov, or a Rounds kind (hospital, asc, clinic, practice, …)',
};

export function capabilityStatement(opts: {
  base: string;
  version: string;
  date: string;
  intake: boolean;
}): Resource {
  const resource: Record<string, unknown>[] = (
    Object.keys(SEARCH_PARAMS) as (keyof typeof SEARCH_PARAMS)[]
  ).map((type) => ({
    type,
    supportedProfile: [PROFILES[type]],
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    searchInclude: INCLUDES[type] ?? [],
    searchParam: [
      { name: '_id', type: 'token' },
      { name: '_lastUpdated', type: 'date' },
      { name: '_count', type: 'number' },
      ...Object.entries(SEARCH_PARAMS[type]).map(([name, kind]) => ({
        name,
        type: kind,
        ...(DOCS[name] ? { documentation: DOCS[name] } : {}),
      })),
    ],
  }));
  if (opts.intake)
    resource.push({
      type: 'ServiceRequest',
      supportedProfile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-servicerequest'],
      interaction: [{ code: 'create' }],
      searchInclude: [],
      searchParam: [],
    });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: opts.date,
    publisher: 'Rounds',
    kind: 'instance',
    software: { name: 'Rounds', version: opts.version },
    implementation: { description: 'Rounds provider directory (FHIR R4)', url: opts.base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Authenticate with Authorization: Bearer <API token> (rounds tokens create). Read-only for the analyst role.',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'OAuth',
                  display: 'OAuth',
                },
              ],
            },
          ],
          description: 'Bearer API tokens issued by a Rounds administrator.',
        },
        resource,
        ...(opts.intake ? { interaction: [{ code: 'transaction' }] } : {}),
      },
    ],
  };
}
