// A real OpenID Provider (oidc-provider) on a random loopback port, and a minimal "browser" that
// walks its login and consent pages, for the SSO tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestAccount = { email: string; name: string; role?: string | string[]; emailVerified?: boolean };

export async function startOidcProvider(opts: {
  redirectUri: string;
  accounts: Record<string, TestAccount>;
}) {
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'rounds',
        client_secret: 'rounds-test-secret-0123456789abcdef',
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'rounds_role'] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    findAccount: async (_ctx, id) => {
      const a = opts.accounts[id];
      if (!a) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: a.email,
          email_verified: a.emailVerified ?? true,
          name: a.name,
          ...(a.role === undefined ? {} : { rounds_role: a.role }),
        }),
      };
    },
  });
  provider.on('server_error', (_ctx: unknown, err: Error) => console.error('oidc-provider:', err));
  handler = provider.callback();
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Follow the provider's pages like a browser until it redirects to `redirectUri`; returns that URL.
 * Login form: login = the account id; consent form: submitted as is.
 */
export async function signInAtProvider(
  authUrl: string,
  accountId: string,
  redirectUri: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.toString().startsWith(redirectUri)) return next;
      url = next.toString();
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action)
      throw new Error(`provider page without a form (status ${res.status}): ${html.slice(0, 300)}`);
    body = new URLSearchParams();
    for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
      const name = tag.match(/name="([^"]+)"/)?.[1];
      if (name) body.set(name, tag.match(/value="([^"]*)"/)?.[1] ?? '');
    }
    if (body.has('login')) {
      body.set('login', accountId);
      body.set('password', 'any');
    }
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    method = 'POST';
  }
  throw new Error('too many steps at the provider');
}
