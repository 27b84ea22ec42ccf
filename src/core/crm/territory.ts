// Territories are sets of ZIP codes and/or county FIPS codes. A place belongs to a territory
// when its 5-digit ZIP or its 5-digit county FIPS is in the set.

export type TerritoryArea = { zips: readonly string[]; counties: readonly string[] };

/** '12345-6789', '123456789', '12345' → '12345'; anything else → null. */
export function zip5(zip: string | null | undefined): string | null {
  const digits = (zip ?? '').replace(/[^0-9]/g, '');
  return digits.length === 5 || digits.length === 9 ? digits.slice(0, 5) : null;
}

/** County FIPS: 5 digits (2 state + 3 county); a 4-digit value lost its leading zero in Excel. */
export function countyFips(v: string | null | undefined): string | null {
  const d = (v ?? '').trim();
  if (/^\d{5}$/.test(d)) return d;
  if (/^\d{4}$/.test(d)) return `0${d}`;
  return null;
}

export function inTerritory(
  t: TerritoryArea,
  place: { zip?: string | null; countyFips?: string | null },
): boolean {
  const z = zip5(place.zip);
  const c = countyFips(place.countyFips);
  return (z !== null && t.zips.includes(z)) || (c !== null && t.counties.includes(c));
}

/** Normalize a user's list of ZIPs/counties; returns the clean sets and the entries refused. */
export function normalizeArea(input: {
  zips?: string[];
  counties?: string[];
}): TerritoryArea & { rejected: string[] } {
  const rejected: string[] = [];
  const zips = new Set<string>();
  const counties = new Set<string>();
  for (const z of input.zips ?? []) {
    const n = zip5(z);
    if (n) zips.add(n);
    else rejected.push(`zip ${z}`);
  }
  for (const c of input.counties ?? []) {
    const n = countyFips(c);
    if (n) counties.add(n);
    else rejected.push(`county ${c}`);
  }
  return { zips: [...zips].sort(), counties: [...counties].sort(), rejected };
}
