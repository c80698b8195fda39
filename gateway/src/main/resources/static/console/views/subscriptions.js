// Webhook subscriptions and the health of their deliveries: success rate, the last failures, re-sending by hand.
import {all, call, get} from '../api.js';
import {alertBox, announce, badge, fill, h, time} from '../dom.js';
import {renderDeadLetters, sendNowButton} from '../hooks.js';
import {isAdmin} from '../session.js';

/** The deliveries a subscription's health is judged on: its latest ones (the log is newest first). */
const RECENT = 100;
const LAST_FAILURES = 5;

export async function showSubscriptions(main) {
  document.title = 'Subscriptions · Concord console';
  const subscriptions = await all('/api/subscriptions');
  const healths = await Promise.all(subscriptions.map(s => recentDeliveries(s.id).then(health)));
  fill(main,
    h('h1', {}, 'Subscriptions'),
    subscriptions.length === 0 ? h('p', {class: 'notice'}, 'No webhook subscription yet.') : h('table', {id: 'subscriptions'},
      h('caption', {}, `${subscriptions.length} subscription${subscriptions.length === 1 ? '' : 's'}; health of the last ${RECENT} deliveries each`),
      h('thead', {}, h('tr', {}, ['Endpoint', 'Events', 'Regions', 'State', 'Success rate', 'Pending', 'Last failure']
        .map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, subscriptions.map((s, i) => h('tr', {dataset: {subscription: s.id}},
        h('td', {}, h('a', {href: `#/subscriptions/${s.id}`}, s.url)),
        h('td', {}, s.eventTypes.length ? s.eventTypes.join(', ') : 'all'),
        h('td', {}, s.regions.length ? s.regions.join(', ') : 'all'),
        h('td', {}, badge(s.status)),
        h('td', {}, rate(healths[i])),
        h('td', {}, String(healths[i].pending)),
        h('td', {}, healths[i].failures[0] ? time(healths[i].failures[0].completedAt ?? healths[i].failures[0].createdAt) : '—'))))));
}

export async function showSubscription(main, id) {
  const subscription = await get(`/api/subscriptions/${id}`);
  document.title = `Subscription ${subscription.url} · Concord console`;
  const status = h('div', {id: 'delivery-status'});
  const failures = h('div', {id: 'last-failures'});
  const log = h('div', {id: 'delivery-log'});
  // HOOK dead letters: filled by hooks.js once notifications-service exposes them
  const deadLetters = h('section', {id: 'dead-letters', class: 'hook', 'data-hook': 'dead-letters', hidden: true,
    'aria-labelledby': 'dead-letters-heading'}, h('h2', {id: 'dead-letters-heading'}, 'Dead letters'));
  const summary = h('div', {class: 'panel', id: 'delivery-health'});
  const reload = async () => {
    const deliveries = await recentDeliveries(id);
    const current = health(deliveries);
    fill(summary, h('dl', {class: 'meta'},
      h('dt', {}, 'Success rate'), h('dd', {}, h('span', {class: 'rate', id: 'success-rate'}, rate(current))),
      h('dt', {}, 'Delivered'), h('dd', {}, String(current.delivered)),
      h('dt', {}, 'Failed'), h('dd', {}, String(current.failed)),
      h('dt', {}, 'Pending'), h('dd', {}, String(current.pending))));
    fill(failures, current.failures.length === 0
      ? h('p', {class: 'muted'}, 'No failure among the latest deliveries.')
      : h('ul', {}, current.failures.slice(0, LAST_FAILURES).map(d => h('li', {dataset: {delivery: d.id}},
        h('strong', {}, d.eventType), ' ', badge(d.status), ' after ', `${d.attemptCount} attempt${d.attemptCount === 1 ? '' : 's'}`,
        ': ', d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : 'no answer'), ' (', time(d.completedAt ?? d.createdAt), ') ',
        resendButton(subscription, d, status, reload)))));
    fill(log, deliveryTable(subscription, deliveries, status, reload));
  };
  fill(main,
    h('p', {}, h('a', {href: '#/subscriptions'}, '← All subscriptions')),
    h('h1', {}, 'Subscription'),
    h('div', {class: 'panel'}, h('dl', {class: 'meta'},
      h('dt', {}, 'Endpoint'), h('dd', {}, h('code', {}, subscription.url)),
      h('dt', {}, 'Events'), h('dd', {}, subscription.eventTypes.length ? subscription.eventTypes.join(', ') : 'all'),
      h('dt', {}, 'Regions'), h('dd', {}, subscription.regions.length ? subscription.regions.join(', ') : 'all'),
      h('dt', {}, 'State'), h('dd', {}, badge(subscription.status), subscription.disabledReason ? ` ${subscription.disabledReason}` : ''),
      h('dt', {}, 'Created'), h('dd', {}, time(subscription.createdAt)))),
    h('h2', {}, `Health of the last ${RECENT} deliveries`),
    summary, status,
    h('section', {'aria-labelledby': 'failures-heading'}, h('h2', {id: 'failures-heading'}, 'Last failures'), failures),
    deadLetters,
    h('section', {'aria-labelledby': 'log-heading'}, h('h2', {id: 'log-heading'}, 'Deliveries'), log));
  renderDeadLetters(deadLetters, subscription);
  await reload();
}

async function recentDeliveries(subscriptionId) {
  return (await get(`/api/subscriptions/${subscriptionId}/deliveries?size=${RECENT}`)).items;
}

/** Delivered and failed count among finished deliveries; a failure is one given up, or one still being retried. */
function health(deliveries) {
  const count = status => deliveries.filter(d => d.status === status).length;
  return {
    delivered: count('DELIVERED'),
    failed: count('FAILED'),
    pending: count('PENDING'),
    failures: deliveries.filter(d => d.status === 'FAILED' || (d.status === 'PENDING' && d.lastError)),
  };
}

function rate({delivered, failed}) {
  const finished = delivered + failed;
  return finished === 0 ? 'no finished delivery' : `${Math.round(1000 * delivered / finished) / 10} %`;
}

function resendButton(subscription, delivery, status, reload) {
  if (!isAdmin() || delivery.status !== 'FAILED') return null;
  return h('button', {type: 'button', class: 'secondary', onclick: async event => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await call('POST', `/api/subscriptions/${subscription.id}/deliveries/${delivery.id}/retry`);
      fill(status, h('p', {class: 'success', role: 'status'}, `${delivery.eventType} queued to be sent again.`));
      announce(`${delivery.eventType} queued to be sent again`);
      setTimeout(() => reload().catch(error => fill(status, alertBox(error))), 1000);
    } catch (error) {
      fill(status, alertBox(error));
      button.disabled = false;
    }
  }}, 'Re-send', h('span', {class: 'visually-hidden'}, ` ${delivery.eventType} ${delivery.eventId}`));
}

function deliveryTable(subscription, deliveries, status, reload) {
  if (deliveries.length === 0) return h('p', {class: 'muted'}, 'Nothing delivered yet.');
  return h('table', {},
    h('caption', {}, `The latest ${deliveries.length} deliveries, newest first`),
    h('thead', {}, h('tr', {}, ['Event', 'State', 'Attempts', 'Last answer', 'Queued', ''].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, deliveries.map(d => h('tr', {dataset: {delivery: d.id}},
      h('td', {}, d.eventType, h('br'), h('code', {}, d.eventId)),
      h('td', {}, badge(d.status), d.nextAttemptAt ? [' next ', time(d.nextAttemptAt)] : null),
      h('td', {}, String(d.attemptCount)),
      h('td', {}, d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—')),
      h('td', {}, time(d.createdAt)),
      // HOOK send now: a PENDING delivery's button, from hooks.js, once notifications-service can send one now
      h('td', {}, resendButton(subscription, d, status, reload) ?? (d.status === 'PENDING' && isAdmin() ? sendNowButton(subscription, d) : null))))));
}
