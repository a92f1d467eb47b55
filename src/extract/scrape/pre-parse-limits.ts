// Guards before the parse, in one linear pass over the tags, each cutting the page where it would
// cost too much to parse (what comes before is still read, and the cut is noted for the record):
// - nesting depth: htmlparser2 keeps its open-element stack with `unshift`, so its time grows
//   with the square of the depth (400,000 unclosed <div> take about a minute). The scan tracks the
//   depth the parser would reach, closing elements the way it does.
// - markup: the parsed tree costs about 40 bytes of memory per character of markup, and V8's
//   garbage from building it grows faster than the page (1 MB of prose adds about 40 MB of RSS,
//   5 MB adds 270 MB). Script, style and comment contents become one node each, so they do not count.

/** scrape.maxNestingDepth by default: real pages stay far below; htmlparser2 parses this depth in about 0.1 s (400,000 took a minute). */
export const DEFAULT_MAX_NESTING_DEPTH = 25_000;
/** scrape.maxMarkupChars by default: ten times extract.maxTextChars of prose; news pages carry 50-500 KB of markup. */
export const DEFAULT_MAX_MARKUP_CHARS = 1_000_000;

export interface PreParseLimits {
  maxNestingDepth: number;
  /** Characters of the page outside <script>, <style> and comments. */
  maxMarkupChars: number;
}

// Never on the stack: void elements, and those a sibling closes (<p>, <li>, <td>, …) cannot nest deeply by themselves.
const NOT_STACKED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp',
]);
// Their content is text up to their end tag.
const RAW_TEXT = new Map(['script', 'style', 'textarea', 'title', 'xmp', 'noscript'].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

export interface PageCut {
  /** The page up to where it passed a limit (all of it when it never did). */
  html: string;
  /** Why it was cut, when it was. */
  note: string | null;
}

/** `html`, cut before the start tag that would nest deeper than the limit, or where its markup passes its limit. Linear in the page. */
export function limitPage(html: string, limits: PreParseLimits): PageCut {
  const { maxNestingDepth: maxDepth, maxMarkupChars } = limits;
  const tag = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/g;
  const stack: string[] = [];
  const open = new Map<string, number>();
  // Characters skipped so far as script, style and comment contents: the markup read is the position minus these.
  let skipped = 0;
  const markupCut = (at: number): PageCut | null => {
    if (at - skipped <= maxMarkupChars) return null;
    let cut = skipped + maxMarkupChars;
    // Not inside a tag: back to its '<'.
    const lt = html.lastIndexOf('<', cut);
    if (lt > html.lastIndexOf('>', cut)) cut = lt;
    return { html: html.slice(0, cut), note: `page has more than ${fmt(maxMarkupChars)} characters of markup; read its first ${fmt(cut)} of ${fmt(html.length)} characters (scrape.maxMarkupChars)` };
  };
  // The next '>' at or after the scan, found once for many tags: a run of '<div<div<div' stays linear.
  let nextGt = -1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const over = markupCut(m.index);
    if (over) return over;
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0) return { html, note: null }; // the rest is one comment: one node
      skipped += end + 3 - m.index;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = m[2].toLowerCase();
    if (NOT_STACKED.has(name)) continue;
    if (m[1]) {
      // An end tag closes its element and everything opened inside it; one never opened is ignored.
      if (!open.get(name)) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, open.get(top)! - 1);
        if (top === name) break;
      }
      continue;
    }
    if (nextGt < tag.lastIndex) nextGt = html.indexOf('>', tag.lastIndex);
    const tagEnd = nextGt;
    if (tagEnd < 0) return { html, note: null }; // the rest is one unfinished tag
    // Inside <svg> or <math> the parser honours `/>`; in HTML a <div/> stays open.
    if (html[tagEnd - 1] === '/' && (open.get('svg') || open.get('math'))) continue;
    const rawEnd = RAW_TEXT.get(name);
    if (rawEnd) {
      rawEnd.lastIndex = tagEnd;
      if (!rawEnd.exec(html)) return { html, note: null }; // the rest is its text: one node
      tag.lastIndex = rawEnd.lastIndex - name.length - 2;
      skipped += tag.lastIndex - tagEnd - 1;
      continue;
    }
    if (stack.length >= maxDepth) {
      return { html: html.slice(0, m.index), note: `page nests tags deeper than ${maxDepth} levels; read its first ${fmt(m.index)} of ${fmt(html.length)} characters (scrape.maxNestingDepth)` };
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  }
  return markupCut(html.length) ?? { html, note: null };
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
