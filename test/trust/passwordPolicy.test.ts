// Password policy without network: each refusal worked out by hand from the rules.
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/core/passwordPolicy';

describe('checkPassword', () => {
  it.each([
    ['short1!', /at least 12/],
    ['password', /at least 12/],
    ['Password1234!', /commonly breached/], // letters "password" is a common word
    ['Summer2026!!!', /breached/], // season + year + symbols
    ['P@55w0rd2026#', /breached pattern/], // leetspeak of password + year
    ['Welcome@12345', /breached/],
    ['aaaaaaaaaaaaaa', /too few distinct/],
    ['abcabcabcabc', /too few distinct/], // 3 distinct characters
    ['xK9!xK9!xK9!xK9!', /too few distinct|repeated/], // 4 distinct
    ['Zebra7!Zebra7!', /repeated/], // 6 distinct but one chunk twice
    ['myqwertyPass9!', /keyboard/],
    ['Unrelated-jsmith-77', /e-mail name/],
    ['Unrelated-Jordan-x77', /breached|your name/],
  ])('refuses %s', (pw, why) => {
    expect(checkPassword(pw, { email: 'jsmith@clinic.example', name: 'Jordan Smith' })).toMatch(why);
  });

  // A common word inside a longer passphrase is fine (only word+padding is refused).
  it.each(['Tr0ub4dor&Hunter', 'Correct-Horse-Battery-9', 'tundra plover 84 kettle', 'Vq7#mR2!pL9@xW'])(
    'accepts %s',
    (pw) => {
      expect(checkPassword(pw, { email: 'jsmith@clinic.example', name: 'Jordan Smith' })).toBeNull();
    },
  );
});
