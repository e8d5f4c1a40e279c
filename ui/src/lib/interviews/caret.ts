// Scrolling a textarea so a passage is in view. Browsers only scroll to the caret on their own
// when it moves by typing; a selection made from a link needs this.

const COPIED = [
	'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
	'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'fontFamily',
	'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'tabSize', 'wordSpacing'
] as const;

/** The distance in pixels from the top of the textarea's text to the line holding `offset`. */
export function offsetTop(textarea: HTMLTextAreaElement, offset: number): number {
	const style = getComputedStyle(textarea);
	const mirror = document.createElement('div');
	for (const property of COPIED) mirror.style[property] = style[property];
	mirror.style.position = 'absolute';
	mirror.style.visibility = 'hidden';
	mirror.style.whiteSpace = 'pre-wrap';
	mirror.style.overflowWrap = 'break-word';
	mirror.style.top = '0';
	mirror.style.left = '-9999px';
	mirror.textContent = textarea.value.slice(0, offset);
	const marker = document.createElement('span');
	marker.textContent = '\u200b';
	mirror.append(marker);
	document.body.append(mirror);
	const top = marker.offsetTop;
	mirror.remove();
	return top;
}

/** Selects `start`–`end`, scrolls it to the upper third of the textarea, and the textarea into view. */
export function revealSelection(textarea: HTMLTextAreaElement, start: number, end: number): void {
	textarea.focus({ preventScroll: true });
	textarea.setSelectionRange(start, end);
	textarea.scrollTop = Math.max(0, offsetTop(textarea, start) - textarea.clientHeight / 3);
	textarea.scrollIntoView({ block: 'center' });
}
