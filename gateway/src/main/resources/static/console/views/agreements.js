// The agreements: newest first, with status and signing progress, filtered by status and party; live.
import {get, query} from '../api.js';
import {alertBox, badge, fill, h, progress, time} from '../dom.js';
import {coalescing, follow} from '../live.js';
import {nameOf, regions} from '../regions.js';
import {isAdmin} from '../session.js';

const STATUSES = ['DRAFT', 'OPEN', 'SIGNED', 'IN_FORCE', 'TERMINATED', 'EXPIRED', 'WITHDRAWN'];
const PAGE_SIZE = 20;

export async function showAgreements(main, params) {
  document.title = 'Agreements · Concord console';
  const filter = {status: params.get('status') ?? '', party: params.get('party') ?? '', page: Number(params.get('page') ?? 0)};
  const known = await regions();
  const results = h('div', {id: 'agreement-results'});
  fill(main,
    h('div', {class: 'agreement-head'},
      h('h1', {}, 'Agreements'),
      isAdmin() ? h('a', {class: 'button', href: '#/agreements/new'}, 'Draft an agreement') : null),
    filters(filter, known),
    results);
  const showing = coalescing(() => showPage(results, filter, known));
  await showing();
  const refresh = () => showing().catch(error => fill(results, alertBox(error)));
  // the list follows the live feed too: a status or a signature count changes as it happens
  return follow({
    onNotification: refresh,
    // what happened between the first reading and the feed's (re)connection
    onState: state => state === 'live' && refresh(),
  });
}

function filters(filter, known) {
  const status = h('select', {id: 'filter-status', name: 'status'},
    h('option', {value: ''}, 'Any status'),
    STATUSES.map(s => h('option', {value: s, selected: s === filter.status}, s)));
  const party = h('select', {id: 'filter-party', name: 'party'},
    h('option', {value: ''}, 'Any party'),
    [...known.values()].sort((a, b) => a.name.localeCompare(b.name))
      .map(r => h('option', {value: r.code, selected: r.code === filter.party}, `${r.name} (${r.code})`)));
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter agreements'},
    h('div', {class: 'field'}, h('label', {for: 'filter-status'}, 'Status'), status),
    h('div', {class: 'field'}, h('label', {for: 'filter-party'}, 'Party'), party),
    h('button', {type: 'submit'}, 'Filter'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = '#/agreements' + query({status: status.value, party: party.value});
  });
  return form;
}

async function showPage(results, filter, known) {
  const page = await get('/api/agreements' + query({status: filter.status, party: filter.party, page: filter.page, size: PAGE_SIZE}));
  if (page.items.length === 0) {
    fill(results, h('p', {class: 'notice'}, 'No agreement matches these filters.'));
    return;
  }
  const rows = page.items.map(agreement => {
    const signed = agreement.parties.filter(p => p.signed).length;
    return h('tr', {dataset: {agreement: agreement.id}},
      h('td', {}, h('a', {href: `#/agreements/${agreement.id}`}, agreement.title)),
      h('td', {}, badge(agreement.status)),
      h('td', {}, progress(signed, agreement.parties.length, `${agreement.title}: ${signed} of ${agreement.parties.length} parties signed`)),
      h('td', {}, nameOf(known, agreement.convener)),
      h('td', {}, time(agreement.updatedAt)));
  });
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  fill(results,
    h('table', {},
      h('caption', {}, `${page.total} agreement${page.total === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, 'Title'), h('th', {scope: 'col'}, 'Status'), h('th', {scope: 'col'}, 'Signatures'),
        h('th', {scope: 'col'}, 'Convener'), h('th', {scope: 'col'}, 'Last change'))),
      h('tbody', {}, rows)),
    pages > 1 ? h('nav', {class: 'pager', 'aria-label': 'Pages'},
      filter.page > 0 ? h('a', {href: '#/agreements' + query({...filter, page: filter.page - 1})}, 'Previous page') : null,
      h('span', {}, `Page ${filter.page + 1} of ${pages}`),
      filter.page + 1 < pages ? h('a', {href: '#/agreements' + query({...filter, page: filter.page + 1})}, 'Next page') : null) : null);
}
