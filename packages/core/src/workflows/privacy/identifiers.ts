/**
 * Identifiers in free text (自由文本中的个人标识): mainland resident ID numbers (居民身份证号, 18
 * digits with their check character, or the old 15-digit form), mobile phone numbers (手机号,
 * with or without +86, 0086, 86 or 0 before them) and bank-card numbers (银行卡号, 13–19 digits
 * passing the Luhn check). Text is normalized before it is scanned: NFKC (full-width and circled
 * digits), digits of any script and Chinese numerals (〇一二…九) read as digits, format
 * characters (zero-width spaces, joiners, soft hyphens, direction marks) and combining marks
 * dropped; digits grouped by spaces, dashes, dots, slashes or underscores (up to three between
 * two groups, in any grouping) are read as one number. A finding names the kind, never the number.
 */

/** The kinds of identifier the scan finds. */
export type IdentifierKind = 'id-number' | 'phone' | 'bank-card';

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

const CHINESE_DIGITS = '〇一二三四五六七八九';
const DIGIT = /\p{Nd}/u;

const isDigit = (codePoint: number) => DIGIT.test(String.fromCodePoint(codePoint));

/** The ASCII digit of a decimal digit of any script: Unicode keeps digits in runs of ten from zero. */
function asciiDigit(codePoint: number): string {
  let first = codePoint;
  while (first > 0 && isDigit(first - 1)) first -= 1;
  return String((codePoint - first) % 10);
}

/**
 * A character outside ASCII. Text without one is left as it is by NFKC, and holds no format
 * character, mark or other script's digit.
 */
const NON_ASCII = /\P{ASCII}/u;

/** `text` as the scan reads it: NFKC, every digit ASCII, format characters and marks dropped. */
function scannedText(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return [...text.normalize('NFKC').replace(/[\p{Cf}\p{M}]/gu, '')]
    .map((char) => {
      const chinese = CHINESE_DIGITS.indexOf(char);
      if (chinese >= 0) return String(chinese);
      if (char === '零') return '0';
      return char > '9' && DIGIT.test(char) ? asciiDigit(char.codePointAt(0)!) : char;
    })
    .join('');
}

/** A run of digit groups: groups joined by up to three separators, not inside a longer token. */
const NUMBER = /(?<![0-9A-Za-z])\d+(?:[\s\-‐‑‒–—―−.·・/_]{1,3}\d+)*[Xx]?(?![0-9A-Za-z])/g;
const GROUP = /\d+/g;
const DATE = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const ID_18 = new RegExp(`^[1-9]\\d{5}(?:18|19|20)\\d{2}${DATE}\\d{3}[\\dXx]$`);
const ID_15 = new RegExp(`^[1-9]\\d{5}\\d{2}${DATE}\\d{3}$`);
const PHONE = /^(?:0086|86|0)?1[3-9]\d{9}$/;

/** What a number spanning groups reads as, if anything. */
const KINDS: readonly [IdentifierKind, (digits: string) => boolean][] = [
  ['id-number', (d) => (ID_18.test(d) && idNumberChecks(d)) || ID_15.test(d)],
  ['phone', (d) => PHONE.test(d)],
  ['bank-card', (d) => /^\d{13,19}$/.test(d) && luhnChecks(d)],
];

/**
 * The identifiers in one run of digit groups: each kind in turn takes the spans of whole groups
 * it reads as, groups taken by an earlier kind left out. A span of several groups is read only
 * when each group but a phone's country prefix has three digits or more (a date's groups are
 * not a number).
 */
function identifiersIn(run: string, found: Set<IdentifierKind>): void {
  const groups = run.match(GROUP) ?? [];
  if (/[Xx]$/.test(run)) groups[groups.length - 1] += 'X';
  const taken = new Set<number>();
  for (const [kind, reads] of KINDS) {
    for (let from = 0; from < groups.length; from++) {
      for (let to = from; to < groups.length; to++) {
        if (taken.has(to)) break;
        const span = groups.slice(from, to + 1);
        const grouped = span.every((g, i) => g.length >= 3 || (i === 0 && kind === 'phone' && /^(00)?86$/.test(g)));
        if (span.length > 1 && !grouped) continue;
        if (!reads(span.join(''))) continue;
        found.add(kind);
        for (let i = from; i <= to; i++) taken.add(i);
        from = to;
        break;
      }
    }
  }
}

/** The kinds of identifier in `text`, each once, in the order ID number, phone, bank card. */
export function findIdentifiers(text: string): IdentifierKind[] {
  const runs = scannedText(text).match(NUMBER);
  if (!runs) return [];
  const found = new Set<IdentifierKind>();
  for (const run of runs) identifiersIn(run, found);
  return KINDS.map(([kind]) => kind).filter((kind) => found.has(kind));
}

/**
 * The ids (a principal's, a subject's, a tenant, a payload's key names) that hold an identifier,
 * with the kind: one per id and kind, never the id itself. An id is stored and audited as given,
 * so it must not be a person's number.
 */
export function identifiersInIds(ids: Readonly<Record<string, unknown>>): { field: string; kind: IdentifierKind }[] {
  const found: { field: string; kind: IdentifierKind }[] = [];
  for (const field of Object.keys(ids)) {
    const id = ids[field];
    if (typeof id === 'string') for (const kind of findIdentifiers(id)) found.push({ field, kind });
  }
  return found;
}
