// Checks an evidence bundle (format concord-evidence/1, docs/evidence.md) in the browser, with WebCrypto: the content
// hash of the text, the hash chain of the history, each signatory's JWS against the bundled region keys, the
// service's checkpoint. Nothing is asked of the server: the same checks as ./concord verify, on the reader's machine.

const FORMAT = 'concord-evidence/1';
const GENESIS = '0'.repeat(64);
const SIGNATURE_ENTRIES = ['signature-recorded', 'party-acceded'];
const encoder = new TextEncoder();

/** RFC 8785: members sorted by UTF-16 code units (JavaScript's own string order), strings and numbers as JSON.stringify writes them. */
export function canonicalize(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map(name => `${JSON.stringify(name)}:${canonicalize(value[name])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('a number JSON cannot hold');
  return JSON.stringify(value);
}

async function sha256Hex(text) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('');
}

function base64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - text.length % 4) % 4);
  return Uint8Array.from(atob(padded), c => c.charCodeAt(0));
}

const ALGORITHMS = {
  ES256: {kty: 'EC', crv: 'P-256', import: {name: 'ECDSA', namedCurve: 'P-256'}, verify: {name: 'ECDSA', hash: 'SHA-256'}},
  EdDSA: {kty: 'OKP', crv: 'Ed25519', import: {name: 'Ed25519'}, verify: {name: 'Ed25519'}},
};

class Unsupported extends Error {}

/** Verifies a compact JWS with the key of `keys` its kid names: {key, payload}, or throws saying why. */
async function verifyJws(compact, keys) {
  const parts = String(compact).split('.');
  if (parts.length !== 3) throw new Error('not a compact JWS');
  const header = JSON.parse(new TextDecoder().decode(base64url(parts[0])));
  const algorithm = ALGORITHMS[header.alg];
  if (!algorithm || header.crit) throw new Error(`algorithm ${header.alg} is not ES256 or EdDSA`);
  const key = (keys?.keys ?? []).find(k => k.kid === header.kid);
  if (!key) throw new Error(`no key '${header.kid}'`);
  if (key.kty !== algorithm.kty || key.crv !== algorithm.crv) throw new Error(`key '${key.kid}' is not an ${header.alg} key`);
  let imported;
  try {
    const jwk = key.kty === 'EC' ? {kty: key.kty, crv: key.crv, x: key.x, y: key.y} : {kty: key.kty, crv: key.crv, x: key.x};
    imported = await crypto.subtle.importKey('jwk', jwk, algorithm.import, false, ['verify']);
  } catch (error) {
    if (error.name === 'NotSupportedError') throw new Unsupported(`this browser cannot check ${header.alg} signatures`);
    throw new Error(`key '${key.kid}' cannot be read: ${error.message}`);
  }
  const valid = await crypto.subtle.verify(algorithm.verify, imported, base64url(parts[2]),
    encoder.encode(`${parts[0]}.${parts[1]}`));
  if (!valid) throw new Error(`the signature does not verify with key '${key.kid}'`);
  return {key, alg: header.alg, payload: JSON.parse(new TextDecoder().decode(base64url(parts[1])))};
}

/** RFC 7638 thumbprint of a public key: what a department compares with its own key's. */
export async function thumbprint(key) {
  const members = key.kty === 'EC' ? {crv: key.crv, kty: key.kty, x: key.x, y: key.y} : {crv: key.crv, kty: key.kty, x: key.x};
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(canonicalize(members))));
  return btoa(String.fromCharCode(...digest)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The findings about a bundle: [{status: 'ok' | 'fail' | 'note', subject, message}], every check run whatever the
 * others found. `publishedKeys`: the service's key set as published, to compare the checkpoint's key with (or null).
 */
export async function verifyBundle(bundle, publishedKeys) {
  const findings = [];
  const add = (status, subject, message) => findings.push({status, subject, message});
  const check = async (subject, run) => {
    try {
      await run();
    } catch (error) {
      add(error instanceof Unsupported ? 'note' : 'fail', subject, error.message);
    }
  };
  if (bundle?.format !== FORMAT) {
    add('fail', 'bundle', `the format is ${bundle?.format ?? 'not named'}, not ${FORMAT}`);
    return findings;
  }
  const id = bundle.agreementId;
  const history = Array.isArray(bundle.history) ? bundle.history : [];
  let textHash = null;

  await check('content hash', async () => {
    if (bundle.contentHash?.method !== 'concord-text/1') throw new Error(`unknown method ${bundle.contentHash?.method}`);
    const text = {...bundle.text, areas: [...bundle.text.areas].sort(), parties: [...bundle.text.parties].sort()};
    textHash = `sha256:${await sha256Hex(canonicalize(text))}`;
    if (textHash !== bundle.contentHash.value) throw new Error(`the text hashes to ${textHash}, the bundle says ${bundle.contentHash.value}`);
    add('ok', 'content hash', `the text hashes to ${textHash}`);
  });

  await check('history', async () => {
    if (history.length === 0) throw new Error('the history is empty');
    let previous = GENESIS;
    const broken = [];
    for (const [i, entry] of history.entries()) {
      const {hash, ...hashed} = entry;
      const problems = [];
      if (entry.agreementId !== id) problems.push(`belongs to agreement ${entry.agreementId}`);
      if (entry.seq !== i + 1) problems.push(`its seq is ${entry.seq}, not ${i + 1}`);
      if (entry.previousHash !== previous) problems.push(`previousHash is not the hash of entry #${i}`);
      const recomputed = await sha256Hex(canonicalize(hashed));
      if (recomputed !== hash) problems.push(`it hashes to ${recomputed}, not ${hash}`);
      if (problems.length) broken.push(`#${i + 1}: ${problems.join('; ')}`);
      previous = hash;
    }
    if (broken.length) throw new Error(`${broken.length} of ${history.length} entries do not hold: ${broken.join(' | ')}`);
    if (bundle.historyHead?.hash !== previous || bundle.historyHead?.length !== history.length) {
      throw new Error(`the head says ${bundle.historyHead?.length}:${bundle.historyHead?.hash}, the history ends at ${history.length}:${previous}`);
    }
    add('ok', 'history', `${history.length} entries, each hash recomputed and linked to the one before`);
  });

  for (const [i, entry] of history.entries()) {
    if (entry.type === 'opened') {
      await check(`opened #${i + 1}`, async () => {
        if (entry.details?.contentHash !== textHash) throw new Error(`opening fixed ${entry.details?.contentHash}, not the text's hash`);
        add('ok', `opened #${i + 1}`, 'opening fixed the same content hash');
      });
    }
    if (!SIGNATURE_ENTRIES.includes(entry.type)) continue;
    const signature = entry.details?.signature ?? {};
    const subject = `signature ${signature.party} #${i + 1}`;
    await check(subject, async () => {
      if (signature.contentHash !== textHash) throw new Error(`names content hash ${signature.contentHash}, not the text's`);
      if (signature.method === 'bearer-token') {
        add('note', subject, 'signed with a bearer token only: the service\'s word, which no one can check offline');
        return;
      }
      if (signature.method !== 'jws') throw new Error(`unknown signature method ${signature.method}`);
      const {key, alg, payload} = await verifyJws(signature.jws, bundle.regionKeys?.[signature.party]);
      if (payload.agreementId !== id || payload.contentHash !== textHash || payload.party !== signature.party) {
        throw new Error(`the JWS verifies with key '${key.kid}' but was made for ${payload.agreementId}, ${payload.contentHash}, ${payload.party}`);
      }
      add('ok', subject, `${alg} JWS by key '${key.kid}' (thumbprint ${await thumbprint(key)})`);
    });
  }

  await check('checkpoint', async () => {
    const {key, payload} = await verifyJws(bundle.checkpoint, bundle.serviceKeys);
    const last = history[history.length - 1]?.hash;
    if (payload.agreementId !== id) throw new Error(`signed for agreement ${payload.agreementId}`);
    if (payload.historyHead?.hash !== last || payload.historyHead?.length !== history.length) {
      throw new Error(`signed for head ${payload.historyHead?.length}:${payload.historyHead?.hash}, the history ends at ${history.length}:${last}`);
    }
    add('ok', 'checkpoint', `signed by service key '${key.kid}' at ${payload.time} for the head, length ${history.length}`);
    if (publishedKeys) {
      const mine = await thumbprint(key);
      const published = await Promise.all((publishedKeys.keys ?? []).map(thumbprint));
      if (!published.includes(mine)) throw new Error(`service key ${mine} is not the one published at /api/evidence/keys`);
      add('ok', 'service key', `thumbprint ${mine}, the key published at /api/evidence/keys`);
    }
  });
  return findings;
}
