// A guard before the parse: htmlparser2 keeps its open-element stack with `unshift`, so its time
// grows with the square of the nesting depth (400,000 unclosed <div> take about a minute). One
// linear pass over the tags tracks the depth the parser would reach, closing elements the way it
// does, and cuts the page where the depth passes the limit: what comes before is still read.

// Never on the stack: void elements, and those a sibling closes (<p>, <li>, <td>, …) cannot nest deeply by themselves.
const NOT_STACKED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp',
]);
// Their content is text up to their end tag.
const RAW_TEXT = new Map(['script', 'style', 'textarea', 'title', 'xmp', 'noscript'].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

export interface DepthCut {
  /** The page up to where the nesting passed the limit (all of it when it never did). */
  html: string;
  /** Why it was cut, when it was. */
  note: string | null;
}

/** `html`, cut before the start tag that would nest deeper than `maxDepth`. Linear in the page. */
export function limitNestingDepth(html: string, maxDepth: number): DepthCut {
  const tag = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/g;
  const stack: string[] = [];
  const open = new Map<string, number>();
  // The next '>' at or after the scan, found once for many tags: a run of '<div<div<div' stays linear.
  let nextGt = -1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
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
    if (tagEnd < 0) break;
    // Inside <svg> or <math> the parser honours `/>`; in HTML a <div/> stays open.
    if (html[tagEnd - 1] === '/' && (open.get('svg') || open.get('math'))) continue;
    const rawEnd = RAW_TEXT.get(name);
    if (rawEnd) {
      rawEnd.lastIndex = tagEnd;
      if (!rawEnd.exec(html)) break;
      tag.lastIndex = rawEnd.lastIndex - name.length - 2;
      continue;
    }
    if (stack.length >= maxDepth) {
      return { html: html.slice(0, m.index), note: `page nests tags deeper than ${maxDepth} levels; read its first ${m.index.toLocaleString('en-US')} of ${html.length.toLocaleString('en-US')} characters (scrape.maxNestingDepth)` };
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  }
  return { html, note: null };
}
