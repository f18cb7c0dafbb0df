// Primary authorization (DOMAIN I1, I2): the contract's details → the code from the SMS → the password.
import { codeFlow } from './code-flow.js';

export default async function registration(ctx) {
	await codeFlow(ctx, 'registration');
}
