// Sign-in: paste a bearer token. On the local stack, ./concord up prints a link that signs in by itself.
import {call} from '../api.js';
import {alertBox, fill, h} from '../dom.js';
import {signIn, signOut} from '../session.js';

export function showSignIn(main, {message, onSignedIn}) {
  document.title = 'Sign in · Concord console';
  const field = h('textarea', {id: 'token', name: 'token', required: true, rows: 5, spellcheck: 'false',
    autocomplete: 'off', 'aria-describedby': 'token-hint'});
  const status = h('div', {id: 'sign-in-status'});
  const button = h('button', {type: 'submit'}, 'Sign in');
  const form = h('form', {class: 'panel', 'aria-labelledby': 'sign-in-heading'},
    h('div', {class: 'field'},
      h('label', {for: 'token'}, 'Bearer token'),
      field,
      h('p', {class: 'hint', id: 'token-hint'},
        'A JWT from your issuer. On the local stack: ', h('code', {}, './concord token admin'),
        ', or ', h('code', {}, './concord token signatory CN-YN'), '. It is kept in this tab only.')),
    button, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    signIn(field.value);
    try {
      // any valid token may read the registry: a cheap way to learn that the services accept this one
      await call('GET', '/api/regions?size=1');
      onSignedIn();
    } catch (error) {
      signOut();
      fill(status, alertBox(error.status === 401 ? new Error(`The services refused this token: ${error.detail ?? error.message}`) : error));
      button.disabled = false;
      field.focus();
    }
  });
  fill(main,
    h('h1', {id: 'sign-in-heading'}, 'Sign in'),
    message ? alertBox(new Error(message)) : null,
    form);
  field.focus();
}
