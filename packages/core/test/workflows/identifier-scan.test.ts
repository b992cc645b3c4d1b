// The identifier scan, table-driven: every format of an ID, phone or bank-card number a person
// may type, paste or hide (groupings, separators, country prefixes, full-width and other
// scripts' digits, format characters) is found; dates, amounts and ids are not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentifiers, type IdentifierKind } from '../../src/index.js';

const ID = '330106198503174616';
const PHONE = '13957912468';
const CARD = '6228480012345671';

const FOUND: readonly [string, IdentifierKind][] = [
  [ID, 'id-number'],
  ['330106 19850317 4616', 'id-number'],
  ['330106-19850317-4616', 'id-number'],
  ['330106.1985.0317.4616', 'id-number'],
  ['３３０１０６１９８５０３１７４６１６', 'id-number'],
  ['330106\u200b198503174616', 'id-number'],
  ['11010519491231002x', 'id-number'],
  ['身份证：110105491231002', 'id-number'],
  [PHONE, 'phone'],
  ['+86 139 5791 2468', 'phone'],
  ['+86-139-5791-2468', 'phone'],
  ['(+86)13957912468', 'phone'],
  ['0086139 5791 2468', 'phone'],
  ['0086 13957912468', 'phone'],
  ['008613957912468', 'phone'],
  ['8613957912468', 'phone'],
  ['86 139 5791 2468', 'phone'],
  ['013957912468', 'phone'],
  ['139.5791.2468', 'phone'],
  ['139-5791-2468', 'phone'],
  ['139 5791 2468', 'phone'],
  ['139 - 5791 - 2468', 'phone'],
  ['139/5791/2468', 'phone'],
  ['139_5791_2468', 'phone'],
  ['139–5791–2468', 'phone'], // en dash
  ['139−5791−2468', 'phone'], // minus sign
  ['139\u00a05791\u00a02468', 'phone'], // no-break space
  ['139\u30005791\u30002468', 'phone'], // ideographic space
  ['１３９５７９１２４６８', 'phone'], // full-width
  ['１３９－５７９１－２４６８', 'phone'],
  ['139\u200b5791\u200b2468', 'phone'], // zero-width space
  ['1\u200c3\u200d957912468', 'phone'], // zero-width non-joiner, joiner
  ['139\u20605791\u20602468', 'phone'], // word joiner
  ['\ufeff13957912468', 'phone'], // byte-order mark
  ['139\u00ad5791\u00ad2468', 'phone'], // soft hyphen
  ['\u202e13957912468\u202c', 'phone'], // direction override
  ['1\u03013957912468', 'phone'], // a combining mark
  ['①③⑨⑤⑦⑨①②④⑥⑧', 'phone'], // circled digits
  ['١٣٩٥٧٩١٢٤٦٨', 'phone'], // Arabic-Indic digits
  ['一三九五七九一二四六八', 'phone'], // Chinese numerals
  ['电话13957912468，', 'phone'],
  ['tel: 13957912468', 'phone'],
  [`${PHONE} ${PHONE}`, 'phone'],
  [CARD, 'bank-card'],
  ['622848 0012345671', 'bank-card'],
  ['6228 4800 1234 5671', 'bank-card'],
  ['6228-4800-1234-5671', 'bank-card'],
  ['6228.4800.1234.5671', 'bank-card'],
  ['６２２８４８００１２３４５６７１', 'bank-card'],
  ['6228\u200b4800\u200b1234\u200b5671', 'bank-card'],
  ['6222021234567890128', 'bank-card'],
];

const CLEAN: readonly string[] = [
  '2021-03-02 至 2021-04-01',
  '2021-03-02 2021-04-01',
  '2021.03.02',
  '2022-01-05 入户，lh-003 户 2021 年人均收入 4800 元',
  '订单 20220105123',
  '卡号尾号 5678',
  '6228480012345678', // fails the Luhn check
  '320106198506121234', // wrong check character
  '12812345678', // 12x is no mobile prefix
  'a13812345678b', // part of a longer token
  '550e8400-e29b-41d4-a716-446655440000',
  'u-17',
  '第一二三条',
  '15 20 30 40 55 6',
];

describe('the identifier scan', () => {
  it.each(FOUND)('finds %j as %s', (text, kind) => {
    expect(findIdentifiers(text)).toEqual([kind]);
  });

  it.each(CLEAN)('finds nothing in %j', (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });

  it('reads text all in ASCII as it is, finding what the full normalization finds', () => {
    // a zero-width space is dropped by the normalization: the same text, read the long way
    const digitsAndSeparators = fc.stringMatching(/^[0-9 \-.+/_Xxa-z]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), digitsAndSeparators), (text) => {
        expect(findIdentifiers(text)).toEqual(findIdentifiers(`${text}\u200b`));
      }),
      { numRuns: 3000 },
    );
    expect(findIdentifiers(`+86 ${PHONE.slice(0, 3)} ${PHONE.slice(3)}`)).toEqual(['phone']);
  });

  it('finds every kind in one text', () => {
    expect(findIdentifiers(`${ID}，+86 139 5791 2468，622848 0012345671`)).toEqual(['id-number', 'phone', 'bank-card']);
  });
});
