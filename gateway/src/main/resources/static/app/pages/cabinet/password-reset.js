// The forgotten password (DOMAIN I3): account, IIN and the registered mobile → the code from the SMS → a new password.
import { codeFlow } from './code-flow.js';

export default async function passwordReset(ctx) {
	await codeFlow(ctx, 'reset');
}
