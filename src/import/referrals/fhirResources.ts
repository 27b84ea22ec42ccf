// Reading FHIR R4 ServiceRequest referrals: who asked (requester), who receives (performer), when,
// the service line (performerType NUCC code) and the status. Patient references are never read.
import type { ReferralStatus } from '../../db/tables/referrals';

export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const NUCC_SYSTEM = 'http://nucc.org/provider-taxonomy';

type Coding = { system?: string; code?: string };
type Reference = { reference?: string; identifier?: { system?: string; value?: string } };
export type FhirResource = {
  resourceType?: string;
  id?: string;
  identifier?: { system?: string; value?: string }[];
  contained?: FhirResource[];
  [k: string]: unknown;
};

/** What a Practitioner / Organization / PractitionerRole contributes to resolving references. */
export interface Party {
  providerNpi?: string;
  orgNpi?: string;
  taxonomy?: string;
}

const npiOf = (r: FhirResource) => r.identifier?.find((i) => i.system === NPI_SYSTEM)?.value?.trim();

/** Index entry for a referenced resource; PractitionerRole points at its practitioner and organization. */
export function partyOf(r: FhirResource, index: ReadonlyMap<string, Party>): Party | null {
  if (r.resourceType === 'Practitioner') return { providerNpi: npiOf(r) };
  if (r.resourceType === 'Organization') return { orgNpi: npiOf(r) };
  if (r.resourceType === 'PractitionerRole') {
    const prac = r.practitioner as Reference | undefined;
    const org = r.organization as Reference | undefined;
    const specialty = (r.specialty as { coding?: Coding[] }[] | undefined)?.flatMap((s) => s.coding ?? []);
    return {
      providerNpi: referenceNpi(prac, index)?.providerNpi,
      orgNpi: referenceNpi(org, index)?.orgNpi,
      taxonomy: specialty?.find((c) => c.system === NUCC_SYSTEM)?.code,
    };
  }
  return null;
}

export function referenceNpi(
  ref: Reference | undefined,
  index: ReadonlyMap<string, Party>,
): Party | undefined {
  if (!ref) return undefined;
  if (ref.identifier?.system === NPI_SYSTEM && ref.identifier.value) {
    const kind = ref.reference?.startsWith('Organization') ? 'orgNpi' : 'providerNpi';
    return { [kind]: ref.identifier.value.trim() };
  }
  return ref.reference
    ? (index.get(ref.reference) ?? index.get(ref.reference.replace(/^.*\/(\w+\/[^/]+)$/, '$1')))
    : undefined;
}

const STATUS: Record<string, ReferralStatus | null> = {
  draft: 'pending',
  active: 'pending',
  'on-hold': 'pending',
  completed: 'completed',
  revoked: 'lost',
  unknown: 'pending',
  'entered-in-error': null,
};

export interface ServiceRequestFacts {
  id: string | null;
  key: string;
  requesterNpi?: string;
  performer?: Party;
  date?: string;
  status?: ReferralStatus | null;
  taxonomy?: string;
  statusRaw?: string;
  /** the words of the requested service (code text and displays), for the service line */
  requestedService: string[];
}

export function readServiceRequest(sr: FhirResource, index: ReadonlyMap<string, Party>): ServiceRequestFacts {
  const local = new Map(index);
  for (const c of sr.contained ?? []) {
    const p = partyOf(c, local);
    if (p && c.id) local.set(`#${c.id}`, p);
  }
  const ident = sr.identifier?.[0];
  const requester = referenceNpi(sr.requester as Reference | undefined, local);
  const performers = (sr.performer as Reference[] | undefined) ?? [];
  let performer: Party | undefined;
  for (const p of performers) {
    const got = referenceNpi(p, local);
    if (got) performer = { ...performer, ...Object.fromEntries(Object.entries(got).filter(([, v]) => v)) };
  }
  const performerType = (sr.performerType as { coding?: Coding[] } | undefined)?.coding ?? [];
  const code = sr.code as { coding?: (Coding & { display?: string })[]; text?: string } | undefined;
  const codeCodings = code?.coding ?? [];
  const taxonomy =
    [...performerType, ...codeCodings].find((c) => c.system === NUCC_SYSTEM)?.code ?? performer?.taxonomy;
  const when = (sr.authoredOn as string | undefined) ?? (sr.occurrenceDateTime as string | undefined);
  const statusRaw = (sr.status as string | undefined) ?? 'unknown';
  return {
    id: sr.id ?? null,
    key: ident?.value ? `${ident.system ?? ''}|${ident.value}` : `id|${sr.id ?? ''}`,
    requesterNpi: requester?.providerNpi ?? requester?.orgNpi,
    performer,
    date: when && /^\d{4}-\d{2}-\d{2}/.test(when) ? when.slice(0, 10) : undefined,
    status: statusRaw in STATUS ? STATUS[statusRaw] : undefined,
    statusRaw,
    taxonomy,
    requestedService: [code?.text, ...codeCodings.map((c) => c.display)].filter((t): t is string => !!t),
  };
}
