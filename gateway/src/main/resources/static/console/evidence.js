// Checks an evidence bundle (format concord-evidence/2 or /1, docs/evidence.md) in the browser, with WebCrypto: the
// content hash of the text and of each version an amendment adopted, the hash chain of the history, each signatory's
// JWS against the bundled region keys and the version of the text it names, each adoption against the parties in
// force, the service's checkpoint. Nothing is asked of the server: the same checks as ./concord verify, on the
// reader's machine.

const FORMATS = ['concord-evidence/2', 'concord-evidence/1'];
const GENESIS = '0'.repeat(64);
const SIGNATURE_ENTRIES = ['signature-recorded', 'party-acceded'];
const AMENDMENT_SIGNED = 'amendment-signed';
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

/** Method concord-text/1: the hash of the text with its sets (areas, parties) sorted. */
async function hashText(text) {
  return `sha256:${await sha256Hex(canonicalize({...text, areas: [...text.areas].sort(), parties: [...text.parties].sort()}))}`;
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
  if (!FORMATS.includes(bundle?.format)) {
    add('fail', 'bundle', `the format is ${bundle?.format ?? 'not named'}, not ${FORMATS.join(' or ')}`);
    return findings;
  }
  const id = bundle.agreementId;
  const history = Array.isArray(bundle.history) ? bundle.history : [];
  let textHash = null;

  await check('content hash', async () => {
    if (bundle.contentHash?.method !== 'concord-text/1') throw new Error(`unknown method ${bundle.contentHash?.method}`);
    textHash = await hashText(bundle.text);
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

  const versions = bundle.format === FORMATS[0] ? await checkVersions(bundle, history, textHash, check, add) : null;

  for (const [i, entry] of history.entries()) {
    if (entry.type === 'opened') {
      await check(`opened #${i + 1}`, async () => {
        if (entry.details?.contentHash !== textHash) throw new Error(`opening fixed ${entry.details?.contentHash}, not the text's hash`);
        add('ok', `opened #${i + 1}`, 'opening fixed the same content hash');
      });
    }
    const amendment = entry.type === AMENDMENT_SIGNED;
    if (!SIGNATURE_ENTRIES.includes(entry.type) && !(versions && amendment)) continue;
    const signature = entry.details?.signature ?? {};
    const subject = `${amendment ? 'amendment signature' : 'signature'} ${signature.party} #${i + 1}`;
    const signed = versions ? versions.signedBy(entry) : {name: 'the text', hash: textHash};
    await check(subject, async () => {
      if (signature.contentHash !== signed.hash) throw new Error(`names content hash ${signature.contentHash}, not ${signed.name}'s`);
      if (signature.method === 'bearer-token') {
        add('note', subject, 'signed with a bearer token only: the service\'s word, which no one can check offline');
        return;
      }
      if (signature.method !== 'jws') throw new Error(`unknown signature method ${signature.method}`);
      const {key, alg, payload} = await verifyJws(signature.jws, bundle.regionKeys?.[signature.party]);
      if (payload.agreementId !== id || payload.contentHash !== signed.hash || payload.party !== signature.party) {
        throw new Error(`the JWS verifies with key '${key.kid}' but was made for ${payload.agreementId}, ${payload.contentHash}, ${payload.party}`);
      }
      add('ok', subject, `${alg} JWS by key '${key.kid}' (thumbprint ${await thumbprint(key)}) over ${signed.name}`);
    });
  }
  for (const [i, entry] of history.entries()) {
    if (versions && entry.type === 'amendment-adopted') {
      await check(`adoption #${i + 1}`, async () => add('ok', `adoption #${i + 1}`, versions.adoption(i)));
    }
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

/**
 * Format 2: each version's text hashes to its content hash and is the text its history entries fixed (version 1 the
 * opened text, version n + 1 the text amendment-opened proposed and amendment-adopted adopted). Returns what the
 * signatures and adoptions are checked against.
 */
async function checkVersions(bundle, history, textHash, check, add) {
  const versions = Array.isArray(bundle.versions) ? bundle.versions : [];
  const proposed = new Map(); // amendment number -> {seq, hash, parties}
  for (const entry of history) {
    if (entry.type !== 'amendment-opened') continue;
    await check(`amendment-opened #${entry.seq}`, async () => proposed.set(entry.details.amendment.number,
      {seq: entry.seq, hash: await hashText(entry.details.text), parties: entry.details.amendment.parties ?? []}));
  }
  const hashes = [];
  for (const [i, version] of versions.entries()) {
    const subject = `version ${i + 1}`;
    await check(subject, async () => {
      const hash = await hashText(version.text);
      hashes[i] = hash;
      const adopted = history[version.adoptedAt - 1] ?? {};
      const problems = [];
      if (version.version !== i + 1) problems.push(`it is numbered ${version.version}`);
      if (hash !== version.contentHash?.value) problems.push(`its text hashes to ${hash}, the bundle says ${version.contentHash?.value}`);
      if (i === 0 && (adopted.type !== 'opened' || hash !== textHash)) problems.push('it is not the text as opened');
      if (i > 0) {
        const amendment = proposed.get(adopted.details?.amendment?.number);
        if (adopted.type !== 'amendment-adopted' || adopted.details?.textVersion !== i + 1) problems.push(`#${version.adoptedAt} did not adopt it`);
        else if (amendment?.hash !== hash) problems.push(`it is not the text amendment ${adopted.details.amendment.number} proposed`);
      }
      if (problems.length) throw new Error(problems.join('; '));
      add('ok', subject, `the text hashes to ${hash}, adopted at #${version.adoptedAt}`);
    });
  }
  if (!versions.length && history.some(e => e.type === 'opened')) add('fail', 'versions', 'the history opened the text, but the bundle has no version 1');
  const missing = history.filter(e => e.type === 'amendment-adopted' && !versions.some(v => v.adoptedAt === e.seq));
  if (missing.length) add('fail', 'versions', `the history adopts amendments at ${missing.map(e => `#${e.seq}`).join(', ')}, but the bundle has no version of them`);
  return {
    signedBy(entry) {
      if (entry.type === AMENDMENT_SIGNED) {
        const number = entry.details?.amendment?.number;
        return {name: `the text of amendment ${number}`, hash: proposed.get(number)?.hash};
      }
      for (let i = versions.length - 1; i > 0; i--) {
        if (versions[i].adoptedAt < entry.seq) return {name: `version ${i + 1}`, hash: hashes[i]};
      }
      return {name: versions.length > 1 ? 'version 1' : 'the text', hash: textHash};
    },
    /** Whether every party in force signed the amendment adopted by history[index]: a message, or throws. */
    adoption(index) {
      const number = history[index].details?.amendment?.number;
      const opened = proposed.get(number);
      if (!opened || opened.seq > index) throw new Error(`adopts amendment ${number}, which the history did not open before`);
      const inForce = new Set(opened.parties);
      const signed = new Set();
      for (const entry of history.slice(opened.seq, index)) {
        const party = entry.details?.party;
        if (entry.type === 'entered-into-force' && party) inForce.add(party);
        if (entry.type === 'party-withdrawn' && party) inForce.delete(party);
        if (entry.type === AMENDMENT_SIGNED && entry.details?.amendment?.number === number) signed.add(entry.details?.signature?.party);
      }
      const unsigned = [...inForce].filter(p => !signed.has(p));
      if (unsigned.length) throw new Error(`amendment ${number} was adopted without the signature of ${unsigned.join(', ')}`);
      return `amendment ${number} was signed by every party in force (${[...inForce].join(', ')})`;
    },
  };
}
