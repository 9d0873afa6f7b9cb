import { createHash, randomBytes } from 'node:crypto';

/**
 * A browser reduced to what an OpenID Connect sign-in needs: a cookie jar, manual redirects and form
 * posts — so the tests drive the simulator's real pages over real HTTP, as a phone would.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, string>();

  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/html' };
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface SignInOptions {
  citizenId: string;
  password: string;
  /** Decline at the consent page instead of agreeing. */
  decline?: boolean;
}

/**
 * Follows an authorization request through the login and consent pages until the provider redirects
 * to `redirectUri`; returns that final URL (with `code` and `state`, or `error`).
 */
export async function signIn(
  browser: TestBrowser,
  authorizationUrl: string,
  redirectUri: string,
  options: SignInOptions,
): Promise<URL> {
  let response = await browser.request(authorizationUrl);
  for (let step = 0; step < 12; step += 1) {
    if (response.status === 302 || response.status === 303) {
      const location = new URL(response.headers.get('location') ?? '', response.url || authorizationUrl);
      if (location.href.startsWith(redirectUri)) return location;
      response = await browser.request(location);
      continue;
    }
    if (response.status !== 200) {
      throw new Error(
        `Unexpected ${response.status} at ${response.url}: ${(await response.text()).slice(0, 300)}`,
      );
    }
    const html = await response.text();
    const base = response.url;
    const login = /<form method="post" action="([^"]+\/login)"/.exec(html);
    const confirm = /<form method="post" action="([^"]+\/confirm)"/.exec(html);
    const abort = /<form method="post" action="([^"]+\/abort)"/.exec(html);
    if (login?.[1]) {
      response = await browser.request(new URL(login[1], base), {
        form: { citizenId: options.citizenId, password: options.password },
      });
    } else if (confirm?.[1] && abort?.[1]) {
      response = await browser.request(new URL(options.decline ? abort[1] : confirm[1], base), { form: {} });
    } else {
      throw new Error(`No form to follow at ${base}`);
    }
  }
  throw new Error('Too many steps before the redirect to the client');
}
