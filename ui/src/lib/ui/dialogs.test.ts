// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { dialogOpen } from './dialogs';

afterEach(() => document.body.replaceChildren());

function add(html: string): void {
	document.body.insertAdjacentHTML('beforeend', html);
}

describe('dialogOpen', () => {
	it('sees an open dialog or alert dialog', () => {
		expect(dialogOpen()).toBe(false);
		add('<div role="dialog" data-state="open"></div>');
		expect(dialogOpen()).toBe(true);
		document.body.replaceChildren();
		add('<div role="alertdialog"></div>');
		expect(dialogOpen()).toBe(true);
	});

	it('ignores a dialog still in the page after it closed', () => {
		add('<div role="dialog" data-state="closed"></div>');
		expect(dialogOpen()).toBe(false);
	});
});
