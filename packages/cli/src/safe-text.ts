/**
 * Text from data, made safe to show (安全显示): on a terminal, control characters (which can
 * move the cursor or rewrite the screen) and bidirectional overrides (which can make text read
 * differently from what it is) are removed; in Markdown, raw HTML and links are escaped.
 */

/** C0 and C1 controls (a newline or tab becomes a space), DEL, and the bidirectional marks and overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without control or bidi characters; newlines and tabs become spaces. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, (ch) => (ch === '\n' || ch === '\t' || ch === '\r' ? ' ' : ''));
}

const MARKDOWN_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '\\[', ']': '\\]' };

/** `text` for Markdown: no raw HTML (`<script>` shows as text), no links, no control characters. */
export function escapeMarkdownText(text: string): string {
  return stripControls(text).replace(/[&<>[\]]/g, (ch) => MARKDOWN_SPECIAL[ch]!);
}

/** A copy of `value` with `change` applied to every string in it (keys are left as they are). */
export function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, change)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, change)])) as T;
  }
  return value;
}
