// HTML built from tagged templates: every interpolated value is escaped unless it is already
// SafeHtml, so text from the web (titles, names, evidence) can never become markup.

/** Markup that was built here, not text to escape. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: the values are escaped, arrays joined, null/undefined/false left out. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** JSON for a `<script type="application/json">` block: `<` escaped so no text can close the element. */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}

/** An http(s) URL to link to, or null (a `javascript:` or other scheme is shown as text, never linked). */
export function linkableUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

/** `phrase` marked inside `sentence` (first match, case-insensitive when the exact case is absent); the whole text escaped. */
export function highlight(sentence: string, phrase: string | null | undefined): SafeHtml {
  if (!phrase) return html`${sentence}`;
  let at = sentence.indexOf(phrase);
  if (at < 0) at = sentence.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) return html`${sentence}`;
  return html`${sentence.slice(0, at)}<mark>${sentence.slice(at, at + phrase.length)}</mark>${sentence.slice(at + phrase.length)}`;
}
