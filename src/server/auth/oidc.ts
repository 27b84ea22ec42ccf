// OpenID Connect client (Authorization Code + PKCE, openid-client). The provider's metadata is
// discovered lazily and cached; a failed discovery is retried on the next sign-in.
import * as oidc from 'openid-client';
import type { Config } from '../../config';

export const ssoEnabled = (c: Config) => !!(c.OIDC_ISSUER && c.OIDC_CLIENT_ID);

let cached: { key: string; config: Promise<oidc.Configuration> } | undefined;

export function oidcConfiguration(c: Config): Promise<oidc.Configuration> {
  const key = `${c.OIDC_ISSUER}|${c.OIDC_CLIENT_ID}`;
  if (cached?.key !== key) {
    const issuer = new URL(c.OIDC_ISSUER!);
    // Plain http is only accepted for a provider on this machine (development, tests).
    const local =
      issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    const config = oidc.discovery(
      issuer,
      c.OIDC_CLIENT_ID!,
      c.OIDC_CLIENT_SECRET,
      c.OIDC_CLIENT_SECRET ? undefined : oidc.None(),
      local ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    cached = { key, config };
    config.catch(() => {
      if (cached?.config === config) cached = undefined;
    });
  }
  return cached.config;
}

export function redirectUrl(c: Config, requestOrigin: string): string {
  if (c.OIDC_REDIRECT_URL) return c.OIDC_REDIRECT_URL;
  const base = c.PUBLIC_URL ?? requestOrigin;
  return new URL('/api/auth/oidc/callback', base).toString();
}

export async function startLogin(c: Config, redirectUri: string) {
  const config = await oidcConfiguration(c);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: c.OIDC_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.toString(), state, nonce, codeVerifier };
}

export async function finishLogin(
  c: Config,
  callbackUrl: URL,
  pending: { state: string; nonce: string; codeVerifier: string },
) {
  const config = await oidcConfiguration(c);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = { ...(tokens.claims() ?? {}) } as Record<string, unknown>;
  // Roles and e-mail may live only in UserInfo (many providers keep ID tokens small).
  if (tokens.access_token && (claims[c.OIDC_ROLE_CLAIM] === undefined || claims.email === undefined)) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
    for (const [k, v] of Object.entries(info)) if (claims[k] === undefined) claims[k] = v;
  }
  return {
    issuer: config.serverMetadata().issuer,
    claims: claims as { sub: string } & Record<string, unknown>,
  };
}
