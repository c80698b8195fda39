// The live feed of notifications-service (Server-Sent Events), through the gateway. A browser's EventSource cannot
// send an Authorization header, so the token goes as ?access_token= (the feed alone accepts that). EventSource
// reconnects by itself and sends Last-Event-ID, so nothing is missed while it was away.
import {query} from './api.js';
import {token} from './session.js';

/**
 * Follows the feed; onNotification gets each notification ({id, type, agreementId, region, message, ...}),
 * onState 'connecting' | 'live' | 'reconnecting'. Returns the function that stops following.
 */
export function follow({region, onNotification, onState = () => {}}) {
  const source = new EventSource('/api/notifications/stream' + query({region, access_token: token()}));
  onState('connecting');
  source.onopen = () => onState('live');
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  source.onmessage = event => {
    try {
      onNotification(JSON.parse(event.data));
    } catch (error) {
      console.warn('unreadable notification', error);
    }
  };
  return () => source.close();
}

/** What the live indicator says for each state. */
export const LIVE_STATES = {
  connecting: 'Connecting to the live feed…',
  live: 'Live: signatures appear as they arrive',
  reconnecting: 'Live feed interrupted: reconnecting…',
  closed: 'Live feed closed: reload the page',
};

/**
 * Runs task at most once at a time: calls while it runs make it run once more afterwards, at least `gap` ms later
 * (live notifications come in bursts, e.g. eight signatures at the same moment, each told to every party: a burst
 * ends in a few refreshes showing all of it, well within the client's rate limit).
 */
export function coalescing(task, gap = 250) {
  let running = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
        if (again) await new Promise(resolve => setTimeout(resolve, gap));
      } while (again);
    })().finally(() => { running = null; });
    return running;
  };
}
