// Shapes of the provider directory API (src/server/routes/providers).
export type ProviderHit = {
  npi: string;
  name: string;
  primaryTaxonomy: { code: string; name: string | null } | null;
  serviceLine: string | null;
  status: string;
  address: {
    line1: string | null;
    city: string | null;
    state: string | null;
    zip5: string | null;
    countyName: string | null;
  };
  phone: string | null;
  location: { lat: number; lon: number; precision: string } | null;
  organization: {
    id: number;
    name: string;
    networkStatus: 'ours' | 'affiliated' | 'independent' | 'competitor';
  } | null;
  distanceMi: number | null;
  score: number;
};
export type Facet = { value: string; label: string | null; count: number };
export type SearchResult = {
  items: ProviderHit[];
  facets: Record<'serviceLine' | 'specialty' | 'city' | 'county', Facet[]> | null;
  nextCursor: string | null;
  total: number;
  totalIsExact: boolean;
  /** the facet counts cover only the best this-many matches of a larger name match */
  facetsSampled?: number | null;
  dataDate: string | null;
  /** with a segment filter: the referral data date the stored segments were computed to */
  segmentsDataDate?: string | null;
};
