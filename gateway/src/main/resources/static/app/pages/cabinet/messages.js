// The citizen's inbox (notification-service): everything we told them, newest first; unread ones marked (in words),
// opening one marks it read; attachments (a direction's letter) downloaded with the person's token.
import { html, nothing } from '../../lit.js';
import { dateTime, number, t } from '../../i18n.js';
import { api } from '../../api.js';
import { loading, pager } from '../../ui.js';
import { address, wholeNumber } from './common.js';

const SIZE = 10;

export default async function messages(ctx) {
	const page = wholeNumber(ctx.query.get('page'), 0);
	ctx.title(t('cabinet.messages.title'));
	ctx.view(html`<h1>${t('cabinet.messages.title')}</h1>${loading()}`);
	const inbox = await api(`/api/notifications/v1/my/messages${address('', { page, size: SIZE })}`);

	async function opened(event, item) {
		if (!event.target.open || item.readAt) {
			return;
		}
		item.readAt = new Date().toISOString();
		inbox.unread = Math.max(0, inbox.unread - 1);
		draw();
		try {
			await api(`/api/notifications/v1/my/messages/${item.id}/read`, { method: 'POST' });
		}
		catch (error) {
			item.readAt = null; // still unread where it is kept: shown so
			inbox.unread++;
			draw();
		}
	}

	async function download(item, file) {
		const blob = await api(`/api/notifications/v1/my/messages/${item.id}/attachments/${encodeURIComponent(file)}`,
			{ accept: 'blob' });
		const link = document.createElement('a');
		link.href = URL.createObjectURL(blob);
		link.download = file;
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
	}

	function draw() {
		ctx.view(html`
			<h1>${t('cabinet.messages.title')}</h1>
			<p role="status">${t('cabinet.messages.summary', { total: number(inbox.total), unread: number(inbox.unread) })}</p>
			${inbox.items.length === 0 ? html`<p>${t('cabinet.messages.empty')}</p>` : nothing}
			${inbox.items.map(item => html`<details class="entry ${item.readAt ? '' : 'unread'}"
					@toggle="${event => opened(event, item)}">
				<summary>${item.readAt ? nothing : html`<span class="badge">${t('cabinet.messages.new')}</span> `}${item.subject}
					<span class="muted when">${dateTime(item.at)}</span></summary>
				<div>
					${item.body.split(/\n\s*\n/).map(paragraph => html`<p>${paragraph}</p>`)}
					${item.attachments.map(file => html`<p><button class="button secondary" type="button"
						@click="${() => download(item, file)}">${t('cabinet.messages.download', { file })}</button></p>`)}
				</div>
			</details>`)}
			${pager({ page, size: SIZE, total: inbox.total, label: t('cabinet.messages.pages'),
				href: p => address('/cabinet/messages', { page: p || null }) })}`);
	}
	draw();
}
