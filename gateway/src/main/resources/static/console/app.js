// The console: sign-in, the header, and the pages (one per route of the fragment, e.g. #/agreements/<id>).
import {adoptTokenFromFragment, claims, signOut, token} from './session.js';
import {alertBox, fill, h} from './dom.js';
import {forgetRegions} from './regions.js';
import {showSignIn} from './views/signin.js';
import {showAgreements} from './views/agreements.js';
import {showAgreement} from './views/agreement.js';
import {showDraft} from './views/draft.js';
import {showRegion, showRegions} from './views/regions.js';
import {showSubscription, showSubscriptions} from './views/subscriptions.js';

const UUID = '([0-9a-fA-F-]{36})';
const ROUTES = [
  {pattern: /^\/agreements\/new$/, nav: 'agreements', show: (main) => showDraft(main)},
  {pattern: new RegExp(`^/agreements/${UUID}$`), nav: 'agreements', show: (main, [id]) => showAgreement(main, id)},
  {pattern: /^\/agreements$/, nav: 'agreements', show: (main, _, params) => showAgreements(main, params)},
  {pattern: /^\/regions\/([A-Za-z0-9-]+)$/, nav: 'regions', show: (main, [code]) => showRegion(main, code)},
  {pattern: /^\/regions$/, nav: 'regions', show: (main) => showRegions(main)},
  {pattern: new RegExp(`^/subscriptions/${UUID}$`), nav: 'subscriptions', show: (main, [id]) => showSubscription(main, id)},
  {pattern: /^\/subscriptions$/, nav: 'subscriptions', show: (main) => showSubscriptions(main)},
];

const main = document.getElementById('main');
let leave = null;
let firstPage = true;
let generation = 0;

async function route() {
  const mine = ++generation;
  if (leave) {
    leave();
    leave = null;
  }
  if (!token()) {
    showHeader();
    showSignIn(main, {onSignedIn: () => { forgetRegions(); route(); }});
    return;
  }
  const {path, params} = current();
  const match = ROUTES.map(candidate => ({candidate, found: candidate.pattern.exec(path)})).find(m => m.found);
  if (!match) {
    location.replace('#/agreements');
    return;
  }
  showHeader(match.candidate.nav);
  fill(main, h('p', {class: 'muted'}, 'Loading…'));
  delete main.dataset.shown;
  try {
    // built apart and shown once complete, unless another page was asked for meanwhile (then its live feed stops)
    const page = document.createDocumentFragment();
    const stop = await match.candidate.show(page, match.found.slice(1), params) ?? null;
    if (mine !== generation) {
      stop?.();
      return;
    }
    main.replaceChildren(page);
    leave = stop;
    // which page is on screen, once it is (for tests and tools; a person sees it)
    main.dataset.shown = location.hash;
  } catch (error) {
    if (mine !== generation) return;
    if (error?.status === 401) {
      signOut();
      showHeader();
      showSignIn(main, {message: error.message, onSignedIn: () => { forgetRegions(); route(); }});
      return;
    }
    fill(main, h('h1', {}, 'Something went wrong'), alertBox(error));
  }
  if (!firstPage) {
    main.focus();
  }
  firstPage = false;
}

/** The fragment as a path and query: #/agreements?status=OPEN -> {path: '/agreements', params}. */
function current() {
  const fragment = location.hash.startsWith('#/') ? location.hash.slice(1) : '/agreements';
  const [path, search = ''] = fragment.split('?');
  return {path, params: new URLSearchParams(search)};
}

function showHeader(active) {
  const nav = document.getElementById('main-nav');
  const session = document.getElementById('session');
  const who = token() ? claims() : null;
  nav.hidden = !who;
  for (const link of nav.querySelectorAll('a[data-nav]')) {
    if (link.dataset.nav === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!who) {
    fill(session);
    return;
  }
  const role = who.roles.join(', ') + (who.region ? ` for ${who.region}` : '');
  fill(session,
    h('span', {id: 'signed-in-as'}, 'Signed in as ', h('strong', {}, who.subject), ` (${role || 'no role'})`),
    h('button', {type: 'button', onclick: () => { signOut(); forgetRegions(); route(); }}, 'Sign out'));
}

document.getElementById('skip-link').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => {
  if (adoptTokenFromFragment()) forgetRegions();
  if (location.hash === '' || location.hash.startsWith('#/')) route();
});
adoptTokenFromFragment();
route();
