/** Writing HTML safely (转义): every text from data goes through `esc`. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An id usable in HTML (`village-liuyang`), from any subject or unit id. */
export function anchor(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9-]/g, '-')).join('-');
}
