// Building the page from data without innerHTML: text is always text, so nothing a service returns can run as script.

/** h('a', {href: '#/x', class: 'y'}, 'text', child...) builds an element; attributes false or null are left out. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what the element holds. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/**
 * A time as the reader's locale writes it, in a <time> element carrying the exact instant; {compact: true} leaves
 * out the date when it is today.
 */
export function time(iso, {compact = false} = {}) {
  if (!iso) return '—';
  const at = new Date(iso);
  const today = at.toDateString() === new Date().toDateString();
  const format = compact && today
    ? {hour: '2-digit', minute: '2-digit', second: '2-digit'}
    : {day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'};
  return h('time', {datetime: iso, title: at.toString()}, at.toLocaleString(undefined, format));
}

/** CROSS_BORDER_E_COMMERCE -> "Cross-border e-commerce" */
export function areaName(area) {
  const special = {E_COMMERCE: 'E-commerce', CROSS_BORDER_E_COMMERCE: 'Cross-border e-commerce'};
  return special[area] ?? area.charAt(0) + area.slice(1).toLowerCase().replaceAll('_', ' ');
}

export function badge(status) {
  return h('span', {class: `badge status-${status}`}, status);
}

/** "5 of 12" with a progress bar that says the same to a screen reader. */
export function progress(signed, total, label) {
  return h('span', {class: 'progress'},
    h('progress', {max: total, value: signed, 'aria-label': label}),
    h('span', {}, `${signed} of ${total}`));
}

/** A problem (RFC 9457) or any other error, as a message a person can act on. */
export function alertBox(error) {
  return h('div', {class: 'alert', role: 'alert'}, error?.message ?? String(error));
}

/** Tells screen readers something that happened without moving their focus. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  // a new text node after a tick, so the same sentence twice is read twice
  setTimeout(() => { announcer.textContent = message; }, 50);
}

/** Random enough for an Idempotency-Key, and available outside secure contexts (plain http on a LAN). */
export function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
