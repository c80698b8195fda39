// ================================================================================================================
// HOOKS: what other engineers are adding to the services while the console is written. Each hook below is wired
// into its page (a hidden, dashed section or button, marked data-hook="...") but shows nothing yet, because the
// API it needs does not exist yet. To finish one: call the endpoint here, fill the section, remove `hidden`.
// The gateway needs nothing more for them when they are under /api/agreements/** or /api/subscriptions/**.
// ================================================================================================================

/**
 * HOOK evidence (coming in agreements-service): GET /api/agreements/{id}/evidence, the verification state of an
 * agreement's evidence. Show, in `section` (heading "Verification"), whether each signature and the content hash
 * verify, once the agreement has evidence; leave the section hidden while it has none.
 */
export function renderEvidence(section, agreement) {
  section.hidden = true;
  void agreement;
}

/**
 * HOOK dead letters (coming in notifications-service): the deliveries (or events) parked as dead letters for a
 * subscription. Show them in `section` (heading "Dead letters") with what failed and when, and a way to re-send.
 */
export function renderDeadLetters(section, subscription) {
  section.hidden = true;
  void subscription;
}

/**
 * HOOK send now (coming in notifications-service): "send a PENDING delivery now" instead of at its next scheduled
 * attempt. Return a button for a PENDING delivery's row (admins only), or null while the endpoint is not there.
 */
export function sendNowButton(subscription, delivery) {
  void subscription;
  void delivery;
  return null;
}
