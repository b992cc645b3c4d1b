/**
 * Identifiers in free text (自由文本中的个人标识): mainland resident ID numbers (居民身份证号, 18
 * digits with their check character, or the old 15-digit form), mobile phone numbers (手机号)
 * and bank-card numbers (银行卡号, 13–19 digits passing the Luhn check). Full-width digits and
 * digits grouped by spaces or hyphens are found too. A finding names the kind, never the number.
 */

/** The kinds of identifier the scan finds. */
export type IdentifierKind = 'id-number' | 'phone' | 'bank-card';

/** How each kind is named in a refusal. */
export const IDENTIFIER_NAMES: Readonly<Record<IdentifierKind, { zh: string; en: string }>> = Object.freeze({
  'id-number': { zh: '身份证号', en: 'an ID number' },
  phone: { zh: '手机号', en: 'a phone number' },
  'bank-card': { zh: '银行卡号', en: 'a bank-card number' },
});

/** Not preceded or followed by a letter or digit: a whole number, not part of a longer one. */
const START = '(?<![0-9A-Za-z])';
const END = '(?![0-9A-Za-z])';
const DATE = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const ID_18 = new RegExp(`${START}[1-9]\\d{5}[ -]?(?:18|19|20)\\d{2}${DATE}[ -]?\\d{3}[\\dXx]${END}`, 'g');
const ID_15 = new RegExp(`${START}[1-9]\\d{5}\\d{2}${DATE}\\d{3}${END}`, 'g');
const PHONE = new RegExp(`${START}(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}${END}`, 'g');
const CARD = new RegExp(`${START}(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){2,3}(?:[ -]\\d{1,4})?)${END}`, 'g');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether 18 characters carry a valid check character (GB 11643). */
export function idNumberChecks(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** Whether digits pass the Luhn check of payment cards. */
export function luhnChecks(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const digitsOf = (text: string) => text.replace(/[^\dXx]/g, '');

/** The kinds of identifier in `text`, each once, in the order ID number, phone, bank card. */
export function findIdentifiers(text: string): IdentifierKind[] {
  let rest = text.normalize('NFKC');
  const found = new Set<IdentifierKind>();
  const take = (pattern: RegExp, kind: IdentifierKind, valid: (digits: string) => boolean) => {
    rest = rest.replace(pattern, (match) => {
      if (!valid(digitsOf(match))) return match;
      found.add(kind);
      return '#'.repeat(match.length);
    });
  };
  take(ID_18, 'id-number', idNumberChecks);
  take(ID_15, 'id-number', () => true);
  take(PHONE, 'phone', () => true);
  take(CARD, 'bank-card', (digits) => digits.length >= 13 && digits.length <= 19 && luhnChecks(digits));
  return [...found];
}
