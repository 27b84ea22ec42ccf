// How exact a map point is, in words. A ZIP centroid is the middle of the ZIP code, never the
// office, so every label that shows such a point says so.
const LABELS: Record<string, string> = {
  rooftop: 'geocoded address',
  street: 'geocoded to the street',
  zip_centroid: 'ZIP centroid, not the address',
  synthetic_point: 'synthetic demo point',
  none: 'no point',
};

export const precisionLabel = (precision: string | null | undefined): string =>
  LABELS[precision ?? 'none'] ?? precision ?? 'no point';
