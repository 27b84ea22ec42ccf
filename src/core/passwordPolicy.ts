// Password policy checked without any network: length, not the e-mail/name, not a well-known
// breached pattern (common passwords, keyboard walks, repeated characters, year-suffixed words).
const COMMON = new Set(
  (
    'password passw0rd 123456 12345678 123456789 1234567890 qwerty qwertyuiop abc123 111111 123123 ' +
    'letmein welcome monkey dragon iloveyou admin administrator trustno1 sunshine princess football ' +
    'baseball master shadow superman michael login starwars hello whatever changeme secret ' +
    'rounds physician hospital doctor health liaison referral'
  ).split(' '),
);
const WALKS = [
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1234567890',
  '0987654321',
  'abcdefghijklmnopqrstuvwxyz',
];

export function checkPassword(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < 12) return 'Password must be at least 12 characters';
  if (password.length > 256) return 'Password must be at most 256 characters';
  const lower = password.toLowerCase();
  const core = lower.replace(/[^a-z]/g, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core)))
    return 'Password is a commonly breached password';
  if (/^(.)\1+$/.test(password) || new Set(password).size < 5)
    return 'Password has too few distinct characters';
  for (const walk of WALKS) {
    for (let i = 0; i + 6 <= walk.length; i++) {
      if (lower.includes(walk.slice(i, i + 6))) return 'Password contains a keyboard or alphabet sequence';
    }
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local))
    return 'Password must not contain your e-mail name';
  for (const part of context.name?.toLowerCase().split(/\s+/) ?? []) {
    if (part.length >= 3 && lower.includes(part)) return 'Password must not contain your name';
  }
  return null;
}
