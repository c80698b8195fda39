import {call, get, getText} from './api.js';
import {alertBox, announce, fill, h, time} from './dom.js';
import {verifyBundle} from './evidence.js';
import {isAdmin} from './session.js';

// ================================================================================================================
// HOOKS: what other engineers are adding to the services while the console is written. Each hook is wired into its
// page (a hidden, dashed section or button, marked data-hook="...") and shows nothing until the API it needs exists.
// To finish one: call the endpoint here, fill the section, remove `hidden` (and the dashed `hook` class).
// The gateway needs nothing more for them when they are under /api/agreements/** or /api/subscriptions/**.
// Finished: evidence (below). Still waiting: dead letters, send now.
// ================================================================================================================

/**
 * Evidence (finished): GET /api/agreements/{id}/evidence, checked in this browser (evidence.js, WebCrypto) rather than asked of
 * the server, whose word it is meant not to need. Shown in `section` (heading "Verification") once the agreement has
 * been opened (its text frozen); hidden before.
 */
export function renderEvidence(section, agreement) {
  if (!agreement.contentHash) {
    section.hidden = true;
    return;
  }
  const run = String(Number(section.dataset.run ?? 0) + 1);
  section.dataset.run = run;
  showEvidence(section, agreement, run).catch(error => {
    if (section.dataset.run === run) fillEvidence(section, alertBox(error));
  });
}

async function showEvidence(section, agreement, run) {
  if (!globalThis.crypto?.subtle) {
    fillEvidence(section, h('p', {class: 'notice', id: 'evidence-result'},
      'This browser cannot check evidence here: WebCrypto needs a secure context (https, or localhost). '
      + 'Download the bundle and run ./concord verify on it.'), downloadLink(agreement));
    return;
  }
  const [text, published] = await Promise.all([
    getText(`/api/agreements/${agreement.id}/evidence`), get('/api/evidence/keys').catch(() => null)]);
  const bundle = JSON.parse(text);
  const findings = await verifyBundle(bundle, published);
  if (section.dataset.run !== run) return; // a newer rendering is on its way
  const failed = findings.filter(f => f.status === 'fail');
  const notes = findings.filter(f => f.status === 'note');
  const checked = findings.filter(f => f.status === 'ok');
  const result = failed.length
    ? h('p', {class: 'alert', id: 'evidence-result', dataset: {result: 'failed'}},
      `Verification failed in this browser: ${failed.map(f => f.subject).join(', ')}.`)
    : h('p', {class: 'success', id: 'evidence-result', dataset: {result: 'verified'}},
      `Verified in this browser: ${checked.length} checks hold`
      + (notes.length ? `, ${notes.length} rest on the service's word` : '') + ` (history of ${bundle.history.length} entries).`);
  fillEvidence(section, result,
    h('p', {class: 'hint'}, 'Checked here with WebCrypto, not by the server: the content hash, the hash chain of the history, '
      + 'each signatory\'s JWS against its region\'s key, and the service\'s signed checkpoint.'),
    h('ul', {class: 'evidence-checks', id: 'evidence-checks'}, findings.map(f => h('li', {dataset: {status: f.status}},
      h('span', {class: 'evidence-status'}, {ok: 'ok', fail: 'FAILED', note: 'note'}[f.status]),
      h('span', {class: 'evidence-subject'}, f.subject),
      h('span', {}, f.message)))),
    downloadLink(agreement, text));
}

function fillEvidence(section, ...children) {
  fill(section, h('h2', {id: 'evidence-heading'}, 'Verification'), ...children);
  section.classList.remove('hook');
  section.hidden = false;
}

/** The bundle as a file, to check again with ./concord verify on one's own machine. */
let bundleUrl = null;

function downloadLink(agreement, text) {
  const name = `evidence-${agreement.id}.json`;
  if (bundleUrl) URL.revokeObjectURL(bundleUrl); // the page shows one bundle at a time
  bundleUrl = text ? URL.createObjectURL(new Blob([text], {type: 'application/json'})) : null;
  const link = text
    ? h('a', {href: bundleUrl, download: name}, 'Download the evidence bundle')
    : h('a', {href: `/api/agreements/${agreement.id}/evidence`, download: name}, 'The evidence bundle (needs your token)');
  return h('p', {}, link, ' and check it offline: ', h('code', {}, `./concord verify ${name}`));
}

/**
 * Dead letters (notifications-service, through the gateway at /api/admin/dead-letters/notifications-service): the
 * agreement events its consumer could not process, so no inbox and no subscription got them. Admins see them in
 * `section`, with why each failed, and can replay one once the cause is fixed: its effect runs once per event id, so a
 * replay never doubles a notification or a webhook. Hidden for everyone else.
 */
export async function renderDeadLetters(section, subscription) {
  void subscription;
  section.hidden = true;
  if (!isAdmin()) return;
  const heading = section.querySelector('h2');
  const body = h('div', {id: 'dead-letter-list'});
  const status = h('div', {id: 'dead-letter-status'});
  fill(section, heading, h('p', {class: 'muted'},
    'Events notifications-service could not process: no inbox and no subscription got them. Replay one once its cause is fixed; '
    + 'it is applied once, however often it is replayed.'), status, body);
  const load = async () => {
    const listing = await get(DEAD_LETTERS);
    fill(body, listing.items.length === 0
      ? h('p', {class: 'muted'}, 'No dead letters: every event reached the inbox and the webhooks.')
      : h('table', {},
        h('caption', {}, `${listing.items.length} dead letter${listing.items.length === 1 ? '' : 's'}${listing.truncated ? ' (the latest)' : ''}`),
        h('thead', {}, h('tr', {}, ['Event', 'Parked', 'Why', 'Applied', ''].map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, listing.items.map(d => h('tr', {dataset: {deadLetter: `${d.topic}/${d.partition}/${d.offset}`}},
          h('td', {}, d.eventType ?? 'not a CloudEvent', h('br'), h('code', {}, d.eventId ?? `${d.partition}/${d.offset}`)),
          h('td', {}, time(d.parkedAt)),
          h('td', {}, d.reason ?? '—'),
          h('td', {}, d.applied ? 'yes' : 'no'),
          h('td', {}, d.applied ? null : replayButton(d, status, load)))))));
  };
  try {
    await load();
    section.hidden = false;
  } catch (error) {
    fill(status, alertBox(error));
    section.hidden = false;
  }
}

const DEAD_LETTERS = '/api/admin/dead-letters/notifications-service';

function replayButton(deadLetter, status, reload) {
  return h('button', {type: 'button', class: 'secondary', onclick: async event => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      const replay = (await call('POST', `${DEAD_LETTERS}/${encodeURIComponent(deadLetter.topic)}/${deadLetter.partition}/${deadLetter.offset}/replay`)).body;
      const said = replay.outcome === 'applied' ? 'replayed: applied' : `replayed: ${replay.outcome}`;
      fill(status, h('p', {class: 'success', role: 'status'}, `${deadLetter.eventType ?? 'record'} ${said}.`));
      announce(`${deadLetter.eventType ?? 'record'} ${said}`);
      await reload();
    } catch (error) {
      fill(status, alertBox(error));
      button.disabled = false;
    }
  }}, 'Replay', h('span', {class: 'visually-hidden'}, ` ${deadLetter.eventType ?? ''} ${deadLetter.eventId ?? ''}`));
}

/**
 * HOOK send now (coming in notifications-service): "send a PENDING delivery now" instead of at its next scheduled
 * attempt. Return a button for a PENDING delivery's row (admins only), or null while the endpoint is not there.
 */
export function sendNowButton(subscription, delivery) {
  void subscription;
  void delivery;
  return null;
}
