// Main-content detection by paragraph concentration.
//
// Every run of inline text (the text of a <p>, or loose text between <br>s) is a
// text block. A block is worth its length when it reads like prose: long enough,
// with sentence punctuation, mostly not link text. Each block credits the element
// that holds it, that element's parent in full and the grandparent by half. An
// article's paragraphs are siblings, so their common parent piles up credit, while
// teasers, comments and link lists are spread over many small wrappers whose
// credit never adds up in one place. The element with the most credit (less its
// link density, plus a bonus for class/id names such as "article-body" and for
// schema.org itemprop=articleBody) is the core; sibling blocks that also carry
// prose are added to it, which catches bodies split around an ad slot.
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS } from './block-tags';
import { isElement, isText } from './dom-utils';

/** Per-element text statistics, in characters of whitespace-collapsed text. */
export interface BlockStats {
  total: number;
  link: number;
  /** Sum of the prose value of the text blocks inside. */
  value: number;
  paragraphs: number;
  /** Value of the text runs directly inside this element (not in child blocks). */
  own: number;
}

const MIN_BLOCK_CHARS = 25;
const PROSE_PUNCTUATION = /[.!?,;:。、，！？»"”]/;
const CONTENT_HINT = /(^|[\s_-])(article|story|entry|post|main|news|blog)[-_]?(body|content|text|copy|container|main|detail|single)?([\s_-]|$)|articlebody|(^|[\s_-])(content|body|text)([\s_-]|$)/i;

interface RunAcc {
  chars: number;
  link: number;
  punct: boolean;
}

/** Measures every element below `root`; returns stats keyed by element. */
export function measureTree(root: Element): Map<Element, BlockStats> {
  const stats = new Map<Element, BlockStats>();
  measureElement(root, stats);
  return stats;
}

function measureElement(el: Element, stats: Map<Element, BlockStats>): BlockStats {
  const s: BlockStats = { total: 0, link: 0, value: 0, paragraphs: 0, own: 0 };
  let run: RunAcc = { chars: 0, link: 0, punct: false };
  const flush = () => {
    if (run.chars > 0) {
      const v = blockValue(run);
      s.value += v;
      s.own += v;
      if (v > 0) s.paragraphs += 1;
    }
    run = { chars: 0, link: 0, punct: false };
  };
  const visit = (node: AnyNode, inLink: boolean) => {
    if (isText(node)) {
      const len = collapsedLength(node.data);
      if (len === 0) return;
      run.chars += len;
      s.total += len;
      if (inLink) {
        run.link += len;
        s.link += len;
      }
      if (!run.punct && PROSE_PUNCTUATION.test(node.data)) run.punct = true;
      return;
    }
    if (!isElement(node)) return;
    if (BLOCK_TAGS.has(node.name)) {
      flush();
      const child = measureElement(node, stats);
      s.total += child.total;
      s.link += child.link;
      s.value += child.value;
      s.paragraphs += child.paragraphs;
      return;
    }
    const link = inLink || node.name === 'a';
    for (const c of node.children) visit(c, link);
  };
  for (const c of el.children) visit(c, el.name === 'a');
  flush();
  stats.set(el, s);
  return s;
}

function collapsedLength(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function blockValue(run: RunAcc): number {
  if (run.chars < MIN_BLOCK_CHARS) return 0;
  const linkDensity = run.link / run.chars;
  if (linkDensity > 0.5) return 0;
  const own = run.chars - run.link;
  return run.punct ? own : own * 0.3;
}

function hintFactor(el: Element): number {
  const a = el.attribs;
  if (a.itemprop === 'articleBody' || a.itemprop === 'articlebody') return 1.5;
  let f = 1;
  if (el.name === 'article') f *= 1.1;
  const hints = `${a.class ?? ''} ${a.id ?? ''}`;
  if (hints.length > 1 && CONTENT_HINT.test(hints)) f *= 1.2;
  return f;
}

export interface MainContentParts {
  /** The core element and the siblings added to it, in document order. */
  elements: Element[];
  /** Prose characters across the parts. */
  value: number;
}

/** Where the article is, or null when nothing on the page reads like prose. */
export function findMainContent(root: Element): MainContentParts | null {
  const stats = measureTree(root);
  const credit = new Map<Element, number>();
  const add = (el: Element | null, v: number) => {
    if (el && el.type === 'tag') credit.set(el, (credit.get(el) ?? 0) + v);
  };
  for (const [el, s] of stats) {
    if (s.own <= 0) continue;
    add(el, s.own);
    const parent = el.parent as Element | null;
    add(parent, s.own);
    add((parent?.parent as Element | null) ?? null, s.own / 2);
  }
  let core: Element | null = null;
  let coreScore = 0;
  for (const [el, c] of credit) {
    const s = stats.get(el);
    if (!s) continue;
    const score = c * (1 - linkDensity(s)) * hintFactor(el);
    if (score > coreScore) {
      core = el;
      coreScore = score;
    }
  }
  if (!core) return null;
  return addSiblings(core, coreScore, stats, credit);
}

function linkDensity(s: BlockStats): number {
  return s.total > 0 ? s.link / s.total : 0;
}

// A sibling joins the core when it carries a good share of the core's prose, or is
// itself a clean paragraph (a <p> left outside the wrapper).
const SIBLING_SHARE = 0.2;
const LOOSE_PARAGRAPH_CHARS = 80;

// Siblings are looked for at the lowest ancestor that has any: the core is often the
// only child of a column wrapper whose siblings hold the rest of the story
// (bodies cut into chunks around ad slots). Only ancestors that add no prose of
// their own are climbed through, so the core itself never grows.
function addSiblings(core: Element, coreScore: number, stats: Map<Element, BlockStats>, credit: Map<Element, number>): MainContentParts {
  const coreValue = stats.get(core)!.value;
  let anchor = core;
  for (;;) {
    const parent = anchor.parent as Element | null;
    if (!parent || parent.type !== 'tag' || parent.name === 'body') break;
    const ps = stats.get(parent);
    if (!ps || ps.value > coreValue + 1) break;
    anchor = parent;
  }
  const parent = anchor.parent as Element | null;
  if (!parent) return { elements: [core], value: coreValue };
  const elements: Element[] = [];
  let value = 0;
  for (const sib of parent.children) {
    if (!isElement(sib)) continue;
    if (sib === anchor) {
      elements.push(core);
      value += coreValue;
      continue;
    }
    const s = stats.get(sib);
    if (!s || s.value <= 0) continue;
    const ld = linkDensity(s);
    const score = bestCredit(sib, credit) * (1 - ld) * hintFactor(sib);
    const loose = s.own >= LOOSE_PARAGRAPH_CHARS && ld < 0.25;
    if (score >= coreScore * SIBLING_SHARE || loose) {
      elements.push(sib);
      value += s.value;
    }
  }
  return { elements, value };
}

// A sibling chunk's prose may sit a level or two down (chunk > column > p), so its
// strength is the best credit found in its subtree's top levels.
function bestCredit(el: Element, credit: Map<Element, number>, depth = 0): number {
  let best = credit.get(el) ?? 0;
  if (depth >= 3) return best;
  for (const c of el.children) if (isElement(c)) best = Math.max(best, bestCredit(c, credit, depth + 1));
  return best;
}

/** Statistics of one element alone (for the caller's checks after pruning). */
export function measureElementOnly(el: Element): BlockStats {
  return measureElement(el, new Map());
}
