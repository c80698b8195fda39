// One agreement: its text and content hash, its parties as cards that light up live as signatures arrive, what the
// signed-in role may do with it (an admin opens a draft, a signatory signs for its own region), and its history.
import {call, get} from '../api.js';
import {alertBox, announce, areaName, badge, fill, h, progress, randomKey, time} from '../dom.js';
import {renderEvidence} from '../hooks.js';
import {coalescing, follow, LIVE_STATES} from '../live.js';
import {languageOf, nameOf, regions} from '../regions.js';
import {isAdmin, signatoryRegion} from '../session.js';

export async function showAgreement(main, id) {
  const known = await regions();
  const [agreement, history] = await Promise.all([
    get(`/api/agreements/${id}`), get(`/api/agreements/${id}/history`)]);
  const page = new AgreementPage(main, known);
  page.show(agreement, history);

  const refresh = coalescing(async () => {
    const [latest, latestHistory] = await Promise.all([
      get(`/api/agreements/${id}`), get(`/api/agreements/${id}/history`)]);
    page.show(latest, latestHistory);
  });
  page.onChange = refresh;
  // Every event of an agreement becomes one notification per party; the convener is always a party, so its
  // notifications are all the agreement's events, once each.
  return follow({
    region: agreement.convener,
    onNotification: notification => {
      if (notification.agreementId === id) refresh().catch(error => page.showError(error));
    },
    onState: state => {
      page.showLiveState(state);
      // what happened between the page's first reading and the feed's (re)connection
      if (state === 'live') refresh().catch(error => page.showError(error));
    },
  });
}

class AgreementPage {

  constructor(main, known) {
    this.known = known;
    this.cards = new Map();
    this.actionsFor = null;
    this.onChange = () => {};
    this.title = h('h1', {id: 'agreement-title'});
    this.status = h('span', {id: 'agreement-status'});
    this.progress = h('span', {id: 'agreement-progress'});
    this.live = h('p', {class: 'live-state', id: 'live-state'});
    this.errors = h('div', {id: 'agreement-errors'});
    this.text = h('div', {class: 'panel', id: 'agreement-text'});
    this.parties = h('ul', {class: 'parties', id: 'parties', 'aria-labelledby': 'parties-heading'});
    this.actions = h('div', {id: 'actions'});
    // the evidence of an opened agreement, checked in the browser (hooks.js renderEvidence, evidence.js)
    this.evidence = h('section', {id: 'evidence', class: 'hook', 'data-hook': 'evidence', hidden: true,
      'aria-labelledby': 'evidence-heading'}, h('h2', {id: 'evidence-heading'}, 'Verification'));
    this.history = h('ol', {class: 'history', id: 'history', 'aria-labelledby': 'history-heading'});
    this.contentHash = h('p', {class: 'muted', id: 'content-hash'});
    fill(main,
      h('p', {}, h('a', {href: '#/agreements'}, '← All agreements')),
      this.title,
      h('div', {class: 'agreement-head'}, this.status, this.progress, this.live),
      this.contentHash,
      this.errors,
      h('section', {'aria-labelledby': 'parties-heading'},
        h('h2', {id: 'parties-heading'}, 'Parties'), this.parties),
      this.actions,
      h('section', {'aria-labelledby': 'text-heading'},
        h('h2', {id: 'text-heading'}, 'Text'), this.text),
      this.evidence,
      h('section', {'aria-labelledby': 'history-heading'},
        h('h2', {id: 'history-heading'}, 'History'), this.history));
  }

  show(agreement, history) {
    this.agreement = agreement;
    document.title = `${agreement.title} · Concord console`;
    const signed = agreement.parties.filter(p => p.signed).length;
    this.title.textContent = agreement.title;
    fill(this.status, badge(agreement.status));
    fill(this.progress, progress(signed, agreement.parties.length, `${signed} of ${agreement.parties.length} parties signed`));
    fill(this.contentHash, 'Content hash: ', agreement.contentHash
      ? h('code', {}, agreement.contentHash)
      : 'fixed when the draft is opened for signature');
    this.showText(agreement);
    this.showParties(agreement, signed);
    this.showActions(agreement);
    renderEvidence(this.evidence, agreement);
    this.showHistory(history);
  }

  showLiveState(state) {
    this.live.dataset.state = state;
    this.live.textContent = LIVE_STATES[state] ?? state;
  }

  showError(error) {
    fill(this.errors, alertBox(error));
  }

  showText(agreement) {
    const event = agreement.signingEvent;
    fill(this.text,
      agreement.summary ? h('p', {}, agreement.summary) : null,
      h('h3', {}, 'Commitments'),
      h('ol', {class: 'commitments'}, agreement.commitments.map(c => h('li', {}, c))),
      h('dl', {class: 'meta'},
        h('dt', {}, 'Kind'), h('dd', {}, agreement.kind === 'MOU' ? 'Memorandum of understanding' : agreement.kind),
        h('dt', {}, 'Areas'), h('dd', {}, agreement.areas.map(areaName).join(', ')),
        h('dt', {}, 'Counterpart'), h('dd', {}, agreement.counterpart ?? '—'),
        h('dt', {}, 'Convener'), h('dd', {}, h('a', {href: `#/regions/${agreement.convener}`}, nameOf(this.known, agreement.convener))),
        h('dt', {}, 'Signing event'), h('dd', {}, event ? `${event.name}, ${event.venue}, ${event.date}` : '—'),
        h('dt', {}, 'In force'), h('dd', {}, `from ${agreement.term.effectiveFrom}` + (agreement.term.until ? ` until ${agreement.term.until}` : ', open-ended')),
        agreement.openedAt ? [h('dt', {}, 'Opened'), h('dd', {}, time(agreement.openedAt))] : null,
        agreement.concludedAt ? [h('dt', {}, 'Concluded'), h('dd', {}, time(agreement.concludedAt))] : null,
        agreement.endedAt ? [h('dt', {}, 'Ended'), h('dd', {}, time(agreement.endedAt), agreement.endReason ? `: ${agreement.endReason}` : '')] : null));
  }

  /** Cards are made once and changed in place, so a signature arriving lights up its card (and nothing else moves). */
  showParties(agreement, signedCount) {
    const mine = signatoryRegion();
    for (const party of agreement.parties) {
      let card = this.cards.get(party.region);
      if (!card) {
        card = this.newCard(party.region, agreement, mine);
        this.cards.set(party.region, card);
        this.parties.append(card.element);
      }
      const wasSigned = card.element.dataset.signed === 'true';
      card.element.dataset.signed = String(party.signed);
      fill(card.state, party.signed
        ? [party.acceded ? 'Acceded ' : 'Signed ', time(party.signedAt, {compact: true})]
        : agreement.status === 'OPEN' ? 'Awaiting signature' : 'Not signed');
      fill(card.signatory, party.signatory ? `by ${party.signatory.name}` : '');
      if (party.signed && !wasSigned && card.seen) {
        card.element.classList.add('just-signed');
        setTimeout(() => card.element.classList.remove('just-signed'), 1700);
        announce(`${nameOf(this.known, party.region)} signed (${signedCount} of ${agreement.parties.length})`);
      }
      card.seen = true;
    }
  }

  newCard(code, agreement, mine) {
    const region = this.known.get(code);
    const state = h('p', {class: 'state'});
    const signatory = h('p', {class: 'signatory'});
    const tags = [
      code === agreement.convener ? h('span', {class: 'tag'}, 'Convener') : null,
      code === mine ? h('span', {class: 'tag'}, 'Your region') : null,
    ].filter(Boolean);
    const element = h('li', {class: 'party-card', dataset: {region: code}},
      h('a', {class: 'name-en', href: `#/regions/${code}`}, region?.name ?? code),
      region?.nativeName ? h('span', {class: 'name-native', lang: languageOf(code)}, region.nativeName) : null,
      h('span', {class: 'code'}, code),
      tags.length ? h('span', {class: 'tags'}, tags) : null,
      state, signatory);
    return {element, state, signatory, seen: false};
  }

  /** What the signed-in role may do now; the form is rebuilt only when that changes, so typing is never lost. */
  showActions(agreement) {
    const mine = signatoryRegion();
    const myParty = mine ? agreement.parties.find(p => p.region === mine) : null;
    let mode = 'none';
    if (isAdmin() && agreement.status === 'DRAFT') mode = 'open';
    else if (myParty && !myParty.signed && agreement.status === 'OPEN') mode = `sign:${mine}`;
    else if (myParty?.signed) mode = `signed:${mine}`;
    else if (mine && !myParty) mode = `not-party:${mine}`;
    if (mode === this.actionsFor) return;
    this.actionsFor = mode;
    if (mode === 'none') {
      fill(this.actions);
    } else if (mode === 'open') {
      fill(this.actions, this.openForm());
    } else if (mode.startsWith('sign:')) {
      fill(this.actions, this.signForm(mine));
    } else if (mode.startsWith('signed:')) {
      fill(this.actions, h('p', {class: 'success', id: 'my-signature'},
        `${nameOf(this.known, mine)} has signed this agreement.`));
    } else {
      fill(this.actions, h('p', {class: 'notice'},
        `Your token signs for ${nameOf(this.known, mine)} (${mine}), which is not a party to this agreement.`));
    }
  }

  openForm() {
    const status = h('div', {role: 'status'});
    const button = h('button', {type: 'submit', id: 'open-for-signature'}, 'Open for signature');
    const form = h('form', {class: 'panel', 'aria-labelledby': 'open-heading'},
      h('h2', {id: 'open-heading'}, 'Open for signature'),
      h('p', {}, 'Opening freezes the text and fixes its content hash; every party then signs that hash.'),
      button, status);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      button.disabled = true;
      try {
        const {body} = await call('POST', `/api/agreements/${this.agreement.id}/open`,
          {headers: {'If-Match': `"${this.agreement.version}"`}});
        announce('The agreement is open for signature');
        this.onChange(body);
      } catch (error) {
        fill(status, alertBox(error));
        button.disabled = false;
      }
    });
    return form;
  }

  signForm(region) {
    const known = this.known.get(region);
    const field = (id, label, attributes) => h('div', {class: 'field'},
      h('label', {for: id}, label), h('input', {id, name: id, required: true, ...attributes}));
    const status = h('div', {id: 'sign-status'});
    const button = h('button', {type: 'submit', id: 'sign-button'}, `Sign for ${known?.name ?? region}`);
    // the same key for every submission of this form: a double submit signs once (Idempotency-Key)
    const idempotencyKey = randomKey();
    const form = h('form', {class: 'panel', id: 'sign-form', 'aria-labelledby': 'sign-heading'},
      h('h2', {id: 'sign-heading'}, `Sign for ${known?.name ?? region} (${region})`),
      h('p', {}, 'You sign the text whose content hash is ', h('code', {}, this.agreement.contentHash), '.'),
      field('signatory-name', 'Your name', {autocomplete: 'name'}),
      field('signatory-title', 'Your title', {value: 'Authorised representative'}),
      field('signatory-organisation', 'Organisation', {value: known?.signingAuthority ?? ''}),
      button, status);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      button.disabled = true;
      const value = name => form.querySelector(`#${name}`).value.trim();
      try {
        const {body} = await call('POST', `/api/agreements/${this.agreement.id}/signatures`, {
          headers: {'Idempotency-Key': idempotencyKey},
          body: {
            party: region,
            contentHash: this.agreement.contentHash,
            signatory: {name: value('signatory-name'), title: value('signatory-title'), organisation: value('signatory-organisation')},
          },
        });
        this.onChange(body);
      } catch (error) {
        fill(status, alertBox(error));
        button.disabled = false;
      }
    });
    return form;
  }

  showHistory(history) {
    fill(this.history, history.entries.map(entry => h('li', {dataset: {type: entry.type}},
      h('span', {class: 'seq'}, `${entry.seq}.`),
      time(entry.at),
      h('span', {}, this.describe(entry)))));
  }

  describe(entry) {
    const d = entry.details ?? {};
    const name = code => nameOf(this.known, code);
    switch (entry.type) {
      case 'drafted': return 'Drafted';
      case 'amended': return `Amended: ${(d.fields ?? []).join(', ')}`;
      case 'opened': return `Opened for signature (content hash ${d.contentHash})`;
      case 'signature-recorded': return `${name(d.signature?.party)} signed (${d.signatureCount} of ${d.partyCount}): `
        + `${d.signature?.signatory?.name}, ${d.signature?.signatory?.organisation}`;
      case 'signature-refused': return `Refused: ${d.signer} (acting for ${d.actsFor ?? 'no region'}) tried to sign for ${name(d.party)}`;
      case 'signed': return `Concluded: all ${d.partyCount} parties signed`;
      case 'party-acceded': return `${name(d.signature?.party)} acceded`;
      case 'withdrawn': return `Withdrawn: ${d.reason}`;
      case 'terminated': return `Terminated: ${d.reason}`;
      case 'expired': return `Expired on ${d.expiredOn}`;
      default: return entry.type;
    }
  }
}
