// Rounds never stores patient identifiers. A file whose columns look like patient data is refused
// unless the caller names those columns to drop (they are then never read).

const PATIENT_PATTERNS: RegExp[] = [
  /^(patient|pt|member|beneficiary|bene|subscriber|guarantor)([_ ]|$)/,
  /(^|[_ ])(patient|pt)[_ ]?(id|name|first|last|dob|address|phone|email|zip)/,
  /^(first|last|middle|full|given|family|sur)[_ ]?name$/,
  /^name$/,
  /(^|[_ ])(dob|birth[_ ]?date|date[_ ]?of[_ ]?birth|birthdate)($|[_ ])/,
  /(^|[_ ])(mrn|medical[_ ]?record([_ ]?(number|no|num|id))?)($|[_ ])/,
  /(^|[_ ])(ssn|social[_ ]?security([_ ]?(number|no))?)($|[_ ])/,
  /^(sex|gender|race|ethnicity|phone|email|address|street|home[_ ]?address)$/,
];

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

export function looksLikePatientColumn(header: string): boolean {
  const h = norm(header);
  return PATIENT_PATTERNS.some((re) => re.test(h) || re.test(h.replace(/_/g, ' ')));
}

/** Headers that look like patient data and were not explicitly dropped. */
export function undroppedPatientColumns(headers: readonly string[], dropped: readonly string[]): string[] {
  const drop = new Set(dropped.map(norm));
  return headers.filter((h) => looksLikePatientColumn(h) && !drop.has(norm(h)));
}
