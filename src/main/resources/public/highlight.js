/*
 * Highlighted API text as plain data. The API sends snippets, highlighted titles and suggestions as HTML-escaped
 * text with the matches in <mark>…</mark>. segments() turns such a string into [{text, mark}]: text with its entities
 * decoded, and whether it was inside a <mark>. Every other tag, comment or attribute is dropped (the text between
 * tags is kept), so whatever the string holds, nothing but text and marks comes out. No DOM, no HTML parser: it runs
 * the same in a browser and in Node.
 */

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z]+));/g;

/** Elements whose content HTML reads as text up to their end tag ("<script>a<b</script>" holds the text "a<b"). */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes']);
const ESCAPABLE_RAW_TEXT = new Set(['textarea', 'title']);

/** A start or end tag, attributes and all (quoted values may hold ">"). */
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/y;

/** Decodes character references: &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric ones; others stay as written. */
export function decodeEntities(text) {
  return text.replace(ENTITY, (whole, decimal, hex, name) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name] : whole;
    const code = decimal !== undefined ? parseInt(decimal, 10) : parseInt(hex, 16);
    const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    return invalid ? '\ufffd' : String.fromCodePoint(code);
  });
}

/** The text and <mark>s of a highlighted string, as [{text, mark}] with neighbours of the same kind merged. */
export function segments(html) {
  const source = html === null || html === undefined ? '' : String(html);
  const out = [];
  let depth = 0; // open <mark>s
  const add = (text) => {
    if (!text) return;
    const mark = depth > 0;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  };

  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      add(decodeEntities(source.slice(i)));
      break;
    }
    add(decodeEntities(source.slice(i, lt)));
    const next = source.charAt(lt + 1);
    const after = source.charAt(lt + 2);
    if (source.startsWith('<!--', lt)) { // a comment
      const end = source.indexOf('-->', lt + 4);
      i = end < 0 ? source.length : end + 3;
    } else if (next === '!' || next === '?' || (next === '/' && !/[a-zA-Z]/.test(after))) { // <!doctype>, <?x>, </ >
      const end = source.indexOf('>', lt);
      i = end < 0 ? source.length : end + 1;
    } else if (/[a-zA-Z]/.test(next) || next === '/') {
      TAG.lastIndex = lt;
      const tag = TAG.exec(source);
      if (!tag) break; // a tag left open at the end: HTML drops it, and so do we
      i = TAG.lastIndex;
      const closing = tag[1] === '/';
      const name = tag[2].toLowerCase();
      if (name === 'mark') {
        depth = closing ? Math.max(0, depth - 1) : depth + 1;
      } else if (!closing && (RAW_TEXT.has(name) || ESCAPABLE_RAW_TEXT.has(name))) {
        const end = source.toLowerCase().indexOf('</' + name, i);
        const inner = source.slice(i, end < 0 ? source.length : end);
        add(ESCAPABLE_RAW_TEXT.has(name) ? decodeEntities(inner) : inner);
        i = end < 0 ? source.length : end;
      }
    } else { // "5 < 6": a "<" that starts no tag is text
      add('<');
      i = lt + 1;
    }
  }
  return out;
}

/** The text of a highlighted string, marks and all other markup removed. */
export function plainText(html) {
  return segments(html).map((s) => s.text).join('');
}
