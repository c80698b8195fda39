// Who is signed in: the bearer token, kept for this browser tab only (sessionStorage), and what it says about
// its holder. The claims are read for the page's sake only: every service verifies the token itself.

const KEY = 'concord.token';

/**
 * A console link may carry a token in its fragment (#token=...), which browsers never send to a server: take it,
 * keep it, and remove it from the address bar and the history at once.
 */
export function adoptTokenFromFragment() {
  const fragment = location.hash;
  if (!fragment.startsWith('#token=')) return false;
  const token = decodeURIComponent(fragment.slice('#token='.length)).trim();
  history.replaceState(null, '', location.pathname + location.search + '#/agreements');
  if (token) signIn(token);
  return Boolean(token);
}

export function signIn(token) {
  sessionStorage.setItem(KEY, token.replace(/^Bearer\s+/i, '').trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export function token() {
  return sessionStorage.getItem(KEY);
}

/** {subject, roles, region, expiresAt} from the token's payload, or null when there is no readable token. */
export function claims() {
  const current = token();
  if (!current) return null;
  try {
    const payload = current.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)));
    const parsed = JSON.parse(json);
    return {
      subject: parsed.sub ?? 'unknown',
      roles: Array.isArray(parsed.roles) ? parsed.roles : [],
      region: typeof parsed.region === 'string' ? parsed.region : null,
      expiresAt: typeof parsed.exp === 'number' ? new Date(parsed.exp * 1000) : null,
    };
  } catch {
    return null;
  }
}

export function isAdmin() {
  return claims()?.roles.includes('admin') ?? false;
}

/** The region a signatory signs for, or null. */
export function signatoryRegion() {
  const current = claims();
  return current?.roles.includes('signatory') ? current.region : null;
}
