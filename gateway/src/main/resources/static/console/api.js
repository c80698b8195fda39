// The services' REST resources, through the gateway (same origin), with the bearer token.
import {token} from './session.js';

/** An error answer: its status and the problem details' title and detail (RFC 9457). */
export class Problem extends Error {
  constructor(status, title, detail, retryAfter) {
    super(status === 429 && retryAfter
      ? `Too many requests: ${detail ?? title} (try again in ${retryAfter} s)`
      : `${title}${detail ? ': ' + detail : ''} (HTTP ${status})`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** Calls the API; resolves to {status, body, etag}, or rejects with a Problem (or a network TypeError). */
export async function call(method, path, {body, headers = {}} = {}) {
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${token()}`,
      ...(body === undefined ? {} : {'Content-Type': 'application/json'}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new Problem(response.status, json?.title ?? response.statusText, json?.detail ?? null,
      response.headers.get('Retry-After'));
  }
  return {status: response.status, body: json, etag: response.headers.get('ETag')};
}

export const get = async path => (await call('GET', path)).body;

/** A GET's body as the service wrote it (an evidence bundle, kept as a file byte for byte); rejects with a Problem. */
export async function getText(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json, application/problem+json',
    Authorization: `Bearer ${token()}`}});
  const text = await response.text();
  if (!response.ok) {
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    throw new Problem(response.status, json?.title ?? response.statusText, json?.detail ?? null,
      response.headers.get('Retry-After'));
  }
  return text;
}

/** Every item of a paged list resource ({items, page, size, total}), page after page. */
export async function all(path, size = 100) {
  const items = [];
  for (let page = 0; ; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const result = await get(`${path}${separator}page=${page}&size=${size}`);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** "?a=1&b=2" from an object, leaving out empty values. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
