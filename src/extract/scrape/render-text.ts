// Turns the chosen content element into plain text: one paragraph per block
// (p, heading, list item, table cell, …), paragraphs separated by a blank line,
// whitespace collapsed inside them. Blocks that are mostly links, or that match
// a junk-line pattern (see junk-lines.ts), are left out.
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS } from './block-tags';
import { isElement, isText } from './dom-utils';
import { isJunkLine } from './junk-lines';

interface Paragraph {
  text: string;
  linkChars: number;
  pre: boolean;
}

/**
 * The paragraphs of `root`, already filtered. `ownUrls` are the page's own addresses:
 * a paragraph that is just one of them is a permalink or print box, not text.
 */
export function renderParagraphs(root: Element, ownUrls: ReadonlySet<string> = new Set()): string[] {
  const out: Paragraph[] = [];
  let text = '';
  let linkChars = 0;
  const flush = (pre = false) => {
    const t = pre ? text.replace(/[ \t]+\n/g, '\n').trim() : text.replace(/\s+/g, ' ').trim();
    if (t) out.push({ text: t, linkChars, pre });
    text = '';
    linkChars = 0;
  };
  const visit = (node: AnyNode, inLink: boolean, inPre: boolean) => {
    if (isText(node)) {
      text += node.data;
      if (inLink) linkChars += node.data.replace(/\s+/g, '').length;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (name === 'br') {
      flush(inPre);
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) flush(inPre);
    else if (name === 'td' || name === 'th') text += ' ';
    const pre = inPre || name === 'pre';
    const link = inLink || name === 'a';
    for (const c of node.children) visit(c, link, pre);
    if (block) flush(pre);
  };
  visit(root, false, false);
  flush();
  return out.filter((p) => isKept(p) && !ownUrls.has(p.text.replace(/[?#].*$/, ''))).map((p) => p.text);
}

function isKept(p: Paragraph): boolean {
  const len = p.text.replace(/\s+/g, '').length;
  if (len === 0) return false;
  // Link-only lines are navigation, except a bare URL, which an author wrote out as a reference.
  if (p.linkChars / len > 0.6 && len < 200 && !/^https?:\/\/\S+$/.test(p.text)) return false;
  return !isJunkLine(p.text);
}
