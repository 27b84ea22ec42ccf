import { hash32 } from './prng';

/** NPI check digits (Luhn over the 80840 prefix) and a collision-free deterministic NPI sequence. */

export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  let dbl = true; // the rightmost payload digit is doubled (check digit goes to its right)
  for (let i = payload.length - 1; i >= 0; i--) {
    let d = payload.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return (10 - (sum % 10)) % 10;
}

/** Check digit for the first 9 digits of an NPI. */
export function npiCheckDigit(first9: string): number {
  return luhnCheckDigit(`80840${first9}`);
}

export function isValidNpi(npi: string | number): boolean {
  const s = String(npi);
  return /^[12]\d{9}$/.test(s) && npiCheckDigit(s.slice(0, 9)) === Number(s[9]);
}

const SPAN = 200_000_000; // first-9-digit bodies 100000000..299999999
const MULT = 479_001_599; // odd, not a multiple of 5 → bijection mod SPAN

/** The k-th NPI of a market (k < 200M): bodies are a seeded permutation, so NPIs never collide. */
export function npiAt(seed: number, k: number): number {
  const off = hash32('npi', seed) % SPAN;
  // (k * MULT + off) mod SPAN without losing precision: split k.
  const hi = Math.floor(k / 65536);
  const lo = k % 65536;
  const m = (((hi * MULT) % SPAN) * 65536 + lo * MULT + off) % SPAN;
  const body = 100_000_000 + m;
  return body * 10 + npiCheckDigit(String(body));
}
