/**
 * Public notices (公示信息): a workflow with a public-notice view builds it from whitelisted
 * fields only (its definition's `publicNotice`, a `PublicNoticeView`); names on a notice are
 * masked here.
 */

/**
 * A name as shown on a notice: letters only, masked after the first character, so neither
 * digits (an ID or phone number put in the wrong field) nor a full name are shown. Anything but
 * a string (a name still sealed, or erased) shows nothing.
 */
export function maskName(name: unknown): string | null {
  const letters = [...(typeof name === 'string' ? name : '').normalize('NFC')].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return null;
  return letters[0]! + '*'.repeat(Math.min(letters.length - 1, 2) || 1);
}
