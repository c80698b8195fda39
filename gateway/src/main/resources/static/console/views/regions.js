// The registry, and one region's page: its details, its portfolio (the agreements it is party to) and its partners.
import {all, get} from '../api.js';
import {badge, fill, h, time} from '../dom.js';
import {languageOf, regions} from '../regions.js';

export async function showRegions(main) {
  document.title = 'Regions · Concord console';
  const known = [...(await regions()).values()].sort((a, b) => a.code.localeCompare(b.code));
  const body = h('tbody');
  const search = h('input', {id: 'region-filter', type: 'search', autocomplete: 'off', 'aria-controls': 'regions-table'});
  const show = () => {
    const words = search.value.trim().toLowerCase();
    fill(body, known
      .filter(r => !words || `${r.code} ${r.name} ${r.nativeName}`.toLowerCase().includes(words))
      .map(r => h('tr', {},
        h('td', {}, h('a', {href: `#/regions/${r.code}`}, r.code)),
        h('td', {}, r.name),
        h('td', {lang: languageOf(r.code)}, r.nativeName),
        h('td', {}, r.type.toLowerCase()),
        h('td', {}, r.active ? 'active' : 'deactivated'))));
  };
  search.addEventListener('input', show);
  fill(main,
    h('h1', {}, 'Regions'),
    h('div', {class: 'filters'}, h('div', {class: 'field'}, h('label', {for: 'region-filter'}, 'Find a region'), search)),
    h('table', {id: 'regions-table'},
      h('caption', {}, `${known.length} regions in the registry`),
      h('thead', {}, h('tr', {}, ['Code', 'Name', 'Native name', 'Type', 'State'].map(c => h('th', {scope: 'col'}, c)))),
      body));
  show();
}

export async function showRegion(main, code) {
  const [region, portfolio, partners] = await Promise.all([
    get(`/api/regions/${encodeURIComponent(code)}`),
    all(`/api/regions/${encodeURIComponent(code)}/agreements`),
    all(`/api/regions/${encodeURIComponent(code)}/partners`)]);
  document.title = `${region.name} · Concord console`;
  fill(main,
    h('p', {}, h('a', {href: '#/regions'}, '← All regions')),
    h('h1', {}, region.name, ' ', h('span', {lang: languageOf(region.code)}, region.nativeName)),
    h('div', {class: 'panel'}, h('dl', {class: 'meta'},
      h('dt', {}, 'Code'), h('dd', {}, region.code),
      h('dt', {}, 'Type'), h('dd', {}, region.type.toLowerCase()),
      h('dt', {}, 'Capital'), h('dd', {}, region.capital ?? '—'),
      h('dt', {}, 'Signing authority'), h('dd', {}, region.signingAuthority ?? '—'),
      h('dt', {}, 'State'), h('dd', {}, region.active ? 'active' : 'deactivated'))),
    h('div', {class: 'columns'},
      h('section', {'aria-labelledby': 'portfolio-heading'},
        h('h2', {id: 'portfolio-heading'}, 'Portfolio'),
        portfolio.length === 0 ? h('p', {class: 'muted'}, 'Party to no agreement yet.') : h('table', {id: 'portfolio'},
          h('caption', {}, `Party to ${portfolio.length} agreement${portfolio.length === 1 ? '' : 's'}`),
          h('thead', {}, h('tr', {}, ['Agreement', 'Status', `${region.name}`, 'Parties'].map(c => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, portfolio.map(a => h('tr', {},
            h('td', {}, h('a', {href: `#/agreements/${a.id}`}, a.title)),
            h('td', {}, badge(a.status)),
            h('td', {}, a.signed ? ['signed ', time(a.signedAt)] : 'not signed'),
            h('td', {}, String(a.partyCount))))))),
      h('section', {'aria-labelledby': 'partners-heading'},
        h('h2', {id: 'partners-heading'}, 'Partners'),
        partners.length === 0 ? h('p', {class: 'muted'}, 'No signed agreement with another region yet.') : h('table', {id: 'partners'},
          h('caption', {}, 'Regions it has signed agreements with, most first'),
          h('thead', {}, h('tr', {}, ['Region', 'Name', 'Signed agreements'].map(c => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, partners.map(p => h('tr', {},
            h('td', {}, h('a', {href: `#/regions/${p.region}`}, p.region)),
            h('td', {}, p.name ?? p.region),
            h('td', {}, String(p.signedAgreements)))))))));
}
