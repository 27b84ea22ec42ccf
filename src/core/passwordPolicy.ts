// Password policy checked without any network: length, not the e-mail/name, not a well-known
// breached pattern (common passwords, keyboard walks, repeated characters, year-suffixed words).
const COMMON = new Set(
  (
    'password passw0rd 123456 12345678 123456789 1234567890 qwerty qwertyuiop abc123 111111 123123 ' +
    'letmein welcome monkey dragon iloveyou admin administrator trustno1 sunshine princess football ' +
    'baseball master shadow superman michael login starwars hello whatever changeme secret ' +
    'rounds physician hospital doctor health liaison referral ' +
    // base words that breached lists show with a year or symbols appended (Summer2024!, Welcome@123)
    'spring summer autumn winter fall january february march april may june july august september ' +
    'october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'qazwsx asdf zaq love lovely angel jesus god charlie jordan thomas jennifer hunter ranger ' +
    'buster soccer hockey batman killer pepper ginger cookie cheese chocolate computer internet ' +
    'google apple samsung microsoft facebook linkedin nurse clinic medical medicine patient ' +
    'company office manager default guest test testing temp temporary access security ' +
    'p@ssw0rd pa55word passwort motdepasse contrasena'
  ).split(' '),
);
// Leetspeak undone before comparing (P@55w0rd → password).
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};
const unleet = (s: string) => s.replace(/[@401!3$5789]/g, (c) => LEET[c]!);
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
  // A common word (possibly in leetspeak) padded with digits and symbols is still a breached pattern.
  const stripped = unleet(lower.replace(/[\d\W_]+$/, '')).replace(/^[^a-z]+/, '');
  const lettersOnly = unleet(lower).replace(/[^a-z]/g, '');
  if ((stripped.length >= 3 && COMMON.has(stripped)) || (lettersOnly.length >= 4 && COMMON.has(lettersOnly)))
    return 'Password is a common word with digits or symbols added (a commonly breached pattern)';
  if (/^(.)\1+$/.test(password) || new Set(password).size < 5)
    return 'Password has too few distinct characters';
  // One short chunk repeated (abcabcabcabc, Passpass...) adds no strength.
  if (/^(.{1,6})\1{2,}$/.test(lower) || /^(.{4,})\1$/.test(lower))
    return 'Password is a short pattern repeated';
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
