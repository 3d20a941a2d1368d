/**
 * The search form of a name (`nom_recherche`): upper case, accents and ligatures removed,
 * apostrophes, hyphens and runs of spaces made one space, trimmed.
 *
 *   nomRecherche("  d'Estaing-Œuvrard ") === 'D ESTAING OEUVRARD'
 *
 * The same form is computed by PostgreSQL with `nomRechercheSql(column)` (a stored generated
 * column, or a criterion), from the same constants, so a value computed here can be bound against
 * the column. Only immutable functions are used (replace, translate, regexp_replace, btrim), and no
 * `upper()`: lower-case ASCII letters are in the character map, so the result does not depend on
 * the database's locale (PGlite and the server may have different ones). Letters outside the map
 * (Greek, Cyrillic…) are kept as typed, on both sides.
 */

/** Letters written as two: replaced before the character map (PostgreSQL's translate() maps one to one). */
export const LIGATURES: readonly (readonly [string, string])[] = [
  ['Œ', 'OE'], ['œ', 'OE'],
  ['Æ', 'AE'], ['æ', 'AE'], ['Ǽ', 'AE'], ['ǽ', 'AE'], ['Ǣ', 'AE'], ['ǣ', 'AE'],
  ['ß', 'SS'], ['ẞ', 'SS'],
  ['Ĳ', 'IJ'], ['ĳ', 'IJ'],
  ['Þ', 'TH'], ['þ', 'TH'],
];

/** Letters mapped one to one to an upper-case ASCII letter (same position in TRANSLATE_TO). */
const LETTERS_FROM =
  'abcdefghijklmnopqrstuvwxyz' +
  // Latin-1
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿ' +
  // Latin Extended-A
  'ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ' +
  // Latin Extended-B (Romanian ș ț, pinyin ǎ, Vietnamese ơ ư…)
  'ƀƗƠơƯưƵƶǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ' +
  // Latin Extended Additional (Vietnamese ễ ộ…, Welsh ŵ ẃ…)
  'ḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓ' +
  'ṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ' +
  'ẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';

const LETTERS_TO =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ' +
  'AAAAAACEEEEIIIIDNOOOOOOUUUUYAAAAAACEEEEIIIIDNOOOOOOUUUUYY' +
  'AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIIIJJKKKLLLLLLLLLLNNNNNNOOOOOORRRRRRSSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS' +
  'BIOOUUZZAAIIOOUUUUUUUUUUAAAAGGKKOOOOJGGNNAAOOAAAAEEEEIIIIOOOORRRRUUUUSSTTHHAAEEOOOOOOOOYY' +
  'AABBBBBBCCDDDDDDDDDDEEEEEEEEEEFFGGHHHHHHHHHHIIIIKKKKKKLLLLLLLLMMMMMMNNNNNNNNOOOOOOOO' +
  'PPPPRRRRRRRRSSSSSSSSSSTTTTTTTTUUUUUUUUUUVVVVWWWWWWWWWWXXXXYYZZZZZZHTWYSAAAAAAAAAAAAAAAAAAAAAAAA' +
  'EEEEEEEEEEEEEEEEIIIIOOOOOOOOOOOOOOOOOOOOOOOOUUUUUUUUUUUUUUYYYYYYYY';

/** Apostrophes, hyphens and white space of every kind: each becomes a space. */
const SEPARATORS =
  "'’‘‛ʼ`´′" + // apostrophes
  '-‐‑‒–—−' + // hyphens and dashes
  '\t\n\v\f\r\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';

/** Removed: combining accents (a name typed as « e » + « ◌́ »), soft hyphen, zero-width characters. */
const DELETED =
  Array.from({ length: 0x36f - 0x300 + 1 }, (_, index) => String.fromCharCode(0x300 + index)).join('') +
  '\u00ad\u200b\u200c\u200d\u2060\ufeff';

/**
 * The `from` and `to` arguments of PostgreSQL's translate(): each character of TRANSLATE_FROM
 * becomes the character at the same position in TRANSLATE_TO; the characters of TRANSLATE_FROM
 * beyond the length of TRANSLATE_TO are deleted (translate()'s own rule).
 */
export const TRANSLATE_FROM = LETTERS_FROM + SEPARATORS + DELETED;
export const TRANSLATE_TO = LETTERS_TO + ' '.repeat(Array.from(SEPARATORS).length);

const CHARACTER_MAP: ReadonlyMap<string, string> = (() => {
  const from = Array.from(TRANSLATE_FROM);
  const to = Array.from(TRANSLATE_TO);
  const map = new Map<string, string>();
  // Like translate(): the first occurrence of a character in `from` wins.
  from.forEach((character, index) => {
    if (!map.has(character)) map.set(character, to[index] ?? '');
  });
  return map;
})();

/** The search form of a name (see the module comment); '' for null or undefined. */
export function nomRecherche(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = value;
  for (const [ligature, replacement] of LIGATURES) text = text.replaceAll(ligature, replacement);
  let mapped = '';
  for (const character of text) mapped += CHARACTER_MAP.get(character) ?? character;
  return mapped.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, '');
}

/** A PostgreSQL string literal (standard_conforming_strings: only the quote is doubled). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A PostgreSQL Unicode literal U&'…' with invisible characters escaped, so the SQL text can be read and copied. */
function unicodeLiteral(text: string): string {
  let body = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (character === "'") body += "''";
    else if (character === '\\') body += '\\\\';
    else if (character !== ' ' && /[\p{Cc}\p{Cf}\p{Mn}\p{Z}]/u.test(character)) {
      body += code > 0xffff ? `\\+${code.toString(16).padStart(6, '0')}` : `\\${code.toString(16).padStart(4, '0')}`;
    } else body += character;
  }
  return `U&'${body}'`;
}

/**
 * The SQL expression computing `nomRecherche` of `expression` (a column name or an SQL expression
 * written in code, never user input). Immutable: usable in a stored generated column
 * (`nom_recherche varchar(100) generated always as (<expression>) stored`) or an expression index.
 * NULL gives NULL.
 */
export function nomRechercheSql(expression: string): string {
  let text = expression;
  for (const [ligature, replacement] of LIGATURES) text = `replace(${text}, ${literal(ligature)}, ${literal(replacement)})`;
  const translated = `translate(${text}, ${unicodeLiteral(TRANSLATE_FROM)}, ${literal(TRANSLATE_TO)})`;
  return `btrim(regexp_replace(${translated}, ' {2,}', ' ', 'g'), ' ')`;
}
