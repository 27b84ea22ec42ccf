// Configuration refused with one line naming the variable: the e-mail settings.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('mail configuration', () => {
  const base = { DATA_DIR: '/tmp/rounds-test' };
  it('refuses SMTP_URL without PUBLIC_URL, and a URL that is not SMTP, naming the variable', async () => {
    expect(() =>
      loadConfig({ ...base, SMTP_URL: 'smtp://mail.example.org:587' } as NodeJS.ProcessEnv),
    ).toThrow(/^Invalid configuration: SMTP_URL is set but PUBLIC_URL is not/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail.example.org' } as NodeJS.ProcessEnv)).toThrow(
      /^Invalid configuration: SMTP_URL="http:\/\/mail.example.org" — must look like smtp:/,
    );
    const ok = loadConfig({
      ...base,
      SMTP_URL: 'smtps://u:p@mail.example.org:465',
      PUBLIC_URL: 'https://rounds.example.org',
    } as NodeJS.ProcessEnv);
    expect([ok.MAIL_DIGEST_HOUR, ok.MAIL_CHECK_SECONDS]).toEqual([7, 30]);
  });
});
