// A message for the next screen, e.g. «submitted» after the wizard hands over to the application's page.
let message = null;

export function flash(text) {
	message = text;
}

/** The message left for this screen, once. */
export function takeFlash() {
	const taken = message;
	message = null;
	return taken;
}
