// NPI check digit: Luhn over the constant prefix 80840 followed by the first 9 digits
// (CMS "Requirements for NPI check digit"). An NPI is exactly 10 digits.

/** The check digit (0-9) for the first 9 digits of an NPI. */
export function npiCheckDigit(first9: string): number {
  const digits = `80840${first9}`;
  let sum = 0;
  // double every second digit counting from the right of the payload (the check digit's neighbour)
  for (let i = digits.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export type NpiProblem = 'format' | 'check_digit';

/** null when valid, else why not. */
export function npiProblem(npi: string): NpiProblem | null {
  if (!/^[0-9]{10}$/.test(npi)) return 'format';
  return npiCheckDigit(npi.slice(0, 9)) === npi.charCodeAt(9) - 48 ? null : 'check_digit';
}

export const isValidNpi = (npi: string) => npiProblem(npi) === null;
