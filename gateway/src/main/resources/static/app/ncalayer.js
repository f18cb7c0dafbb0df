// NCALayer, the national CA's signing application on the citizen's computer, over its WebSocket protocol
// (wss://127.0.0.1:13579 in production; the local run's demo NCALayer speaks the same): it greets with its version,
// then the kz.gov.pki.knca.basics module's `sign` makes a CMS signature with the key the citizen chooses.

/** Why NCALayer gave no signature: it is not running, the citizen cancelled, or it refused (with its message). */
export class SigningFailure extends Error {
	constructor(reason, message = '') {
		super(message || reason);
		this.reason = reason;
	}
}

/**
 * A detached CMS signature (Base64) of the data, which is Base64 too, made with a key of the given IIN.
 * Rejects with a SigningFailure whose reason is 'unavailable', 'cancelled' or 'refused'.
 */
export function signCms({ url, data, iin, locale }) {
	return new Promise((resolve, reject) => {
		let socket;
		try {
			socket = new WebSocket(url);
		}
		catch {
			reject(new SigningFailure('unavailable'));
			return;
		}
		let greeted = false;
		let settled = false;
		const settle = (outcome) => {
			settled = true;
			socket.close();
			outcome();
		};
		socket.onerror = () => settled || settle(() => reject(new SigningFailure('unavailable')));
		socket.onclose = () => settled || settle(() => reject(new SigningFailure(greeted ? 'refused' : 'unavailable')));
		socket.onmessage = ({ data: message }) => {
			let answer;
			try {
				answer = JSON.parse(message);
			}
			catch {
				settle(() => reject(new SigningFailure('refused')));
				return;
			}
			if (!greeted) {
				greeted = true;
				socket.send(JSON.stringify({
					module: 'kz.gov.pki.knca.basics',
					method: 'sign',
					args: {
						allowedStorages: null,
						format: 'cms',
						data,
						signingParams: { decode: true, encapsulate: false, digested: false },
						// a person's signing key (the NCA's "email protection" usage), of the applicant only
						signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'], iin, chain: [] },
						locale,
					},
				}));
				return;
			}
			const signature = answer.body?.result;
			if (answer.status && signature) {
				settle(() => resolve(Array.isArray(signature) ? signature[0] : signature));
			}
			else if (answer.status) {
				settle(() => reject(new SigningFailure('cancelled')));
			}
			else {
				settle(() => reject(new SigningFailure('refused', answer.message ?? answer.code ?? '')));
			}
		};
	});
}
