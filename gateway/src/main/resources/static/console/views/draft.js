// Drafting an agreement (admins): the fields of POST /api/agreements; agreements-service checks the rules.
import {call} from '../api.js';
import {alertBox, areaName, fill, h, randomKey} from '../dom.js';
import {regions} from '../regions.js';
import {isAdmin} from '../session.js';

const AREAS = ['E_COMMERCE', 'CROSS_BORDER_E_COMMERCE', 'TRADE', 'INVESTMENT', 'LOGISTICS', 'TOURISM', 'CULTURE',
  'EDUCATION', 'AGRICULTURE'];

/** The seed story, to try the console with: the MoU twelve regions signed in Nanning on 24 September 2024. */
const NANNING = {
  title: 'Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN',
  summary: 'Twelve provincial-level regions pledge exchanges and cooperation in e-commerce and cross-border e-commerce with ASEAN.',
  commitments: ['Enhance exchanges and cooperation in Silk Road e-commerce',
    'Explore the potential for trade cooperation between China and ASEAN nations',
    'Exchange e-commerce expertise',
    'Facilitate the entry of high-quality products from ASEAN countries into China',
    'Boost consumption upgrading'],
  areas: ['E_COMMERCE', 'CROSS_BORDER_E_COMMERCE'],
  counterpart: 'ASEAN',
  convener: 'CN-GX',
  parties: ['CN-GX', 'CN-SC', 'CN-SN', 'CN-YN', 'CN-GZ', 'CN-XZ', 'CN-CQ', 'CN-NM', 'CN-GS', 'CN-QH', 'CN-XJ', 'CN-NX'],
  event: '2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event',
  venue: 'Nanning',
  date: '2024-09-24',
};

export async function showDraft(main) {
  document.title = 'Draft an agreement · Concord console';
  if (!isAdmin()) {
    fill(main, h('h1', {}, 'Draft an agreement'),
      h('p', {class: 'notice'}, 'Only an admin drafts agreements; your token has no admin role.'));
    return;
  }
  const known = [...(await regions()).values()].filter(r => r.active).sort((a, b) => a.code.localeCompare(b.code));
  const text = (id, label, attributes = {}) => h('div', {class: 'field'},
    h('label', {for: id}, label), h('input', {id, name: id, ...attributes}));
  const status = h('div', {id: 'draft-status'});
  const button = h('button', {type: 'submit'}, 'Draft');
  const form = h('form', {class: 'panel', id: 'draft-form', 'aria-labelledby': 'draft-heading'},
    text('title', 'Title', {required: true, maxlength: 300}),
    h('div', {class: 'field'}, h('label', {for: 'summary'}, 'Summary'), h('textarea', {id: 'summary', maxlength: 5000})),
    h('div', {class: 'field'}, h('label', {for: 'commitments'}, 'Commitments'),
      h('textarea', {id: 'commitments', required: true, 'aria-describedby': 'commitments-hint'}),
      h('p', {class: 'hint', id: 'commitments-hint'}, 'One per line.')),
    h('fieldset', {}, h('legend', {}, 'Areas of cooperation'), h('div', {class: 'checks'},
      AREAS.map(area => h('label', {}, h('input', {type: 'checkbox', name: 'areas', value: area}), areaName(area))))),
    text('counterpart', 'Counterpart', {maxlength: 200}),
    h('div', {class: 'field'}, h('label', {for: 'convener'}, 'Convener'),
      h('select', {id: 'convener', required: true}, known.map(r => h('option', {value: r.code}, `${r.name} (${r.code})`)))),
    h('fieldset', {}, h('legend', {}, 'Parties (the convener among them)'), h('div', {class: 'checks'},
      known.map(r => h('label', {}, h('input', {type: 'checkbox', name: 'parties', value: r.code}), `${r.name} (${r.code})`)))),
    text('event-name', 'Signing event', {required: true, maxlength: 300}),
    text('event-venue', 'Venue', {required: true, maxlength: 200}),
    text('event-date', 'Date of signing', {type: 'date', required: true}),
    text('effective-from', 'In force from', {type: 'date', required: true}),
    text('until', 'In force until (empty: open-ended)', {type: 'date'}),
    button, status);

  const idempotencyKey = randomKey();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    const value = id => form.querySelector(`#${id}`).value.trim();
    const checked = name => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);
    try {
      const {body} = await call('POST', '/api/agreements', {
        headers: {'Idempotency-Key': idempotencyKey},
        body: {
          title: value('title'), kind: 'MOU', areas: checked('areas'), summary: value('summary') || null,
          commitments: value('commitments').split('\n').map(line => line.trim()).filter(Boolean),
          counterpart: value('counterpart') || null, convener: value('convener'), parties: checked('parties'),
          signingEvent: {name: value('event-name'), venue: value('event-venue'), date: value('event-date')},
          term: {effectiveFrom: value('effective-from'), until: value('until') || null},
        },
      });
      location.hash = `#/agreements/${body.id}`;
    } catch (error) {
      fill(status, alertBox(error));
      button.disabled = false;
    }
  });

  const example = h('button', {type: 'button', class: 'secondary', onclick: () => fillWithNanning(form)},
    'Fill in the Nanning MoU');
  fill(main,
    h('p', {}, h('a', {href: '#/agreements'}, '← All agreements')),
    h('h1', {id: 'draft-heading'}, 'Draft an agreement'),
    h('p', {}, 'A draft can still change; opening it for signature freezes its text. ', example),
    form);
}

function fillWithNanning(form) {
  const set = (id, value) => { form.querySelector(`#${id}`).value = value; };
  set('title', NANNING.title);
  set('summary', NANNING.summary);
  set('commitments', NANNING.commitments.join('\n'));
  set('counterpart', NANNING.counterpart);
  set('convener', NANNING.convener);
  set('event-name', NANNING.event);
  set('event-venue', NANNING.venue);
  set('event-date', NANNING.date);
  set('effective-from', NANNING.date);
  for (const input of form.querySelectorAll('input[name="areas"]')) input.checked = NANNING.areas.includes(input.value);
  for (const input of form.querySelectorAll('input[name="parties"]')) input.checked = NANNING.parties.includes(input.value);
  form.querySelector('#title').focus();
}
