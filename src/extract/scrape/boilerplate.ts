// Boilerplate removal before main-content detection. What goes:
// - elements that never hold article prose (scripts, form controls, nav, asides, svg);
// - hidden elements (hidden attribute, aria-hidden, display:none), which no reader sees;
// - elements whose class or id names page furniture. Strong names (share, related,
//   comments, cookie, newsletter, byline, …) remove the element unless it is a layout
//   wrapper: it holds half the page's text, or 600+ characters of paragraph prose.
//   Weak names (widget, overlay, meta, more, …) also name wrappers on real sites, so
//   they remove an element only when it holds no sentence at all.
// Embedded posts (tweets, Instagram) are exempt: they are quoted content.
import type { AnyNode, Element } from 'domhandler';
import { childrenOf, isElement, isText, removeNode } from './dom-utils';
import { measureElementOnly } from './find-main-content';

const ALWAYS_REMOVED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed',
  'button', 'input', 'select', 'textarea', 'option', 'nav', 'aside', 'dialog', 'link', 'meta',
  'head', 'title', 'audio', 'video', 'source', 'picture', 'img', 'map', 'menu', 'label',
]);

// Removed unless they are wrappers (see isWrapper): some sites put the whole story in
// <header>, and ASP.NET pages wrap <body> in a <form>.
const USUALLY_REMOVED = new Set(['header', 'footer', 'form', 'figcaption']);

// Furniture roles named in class/id. Matched as whole words inside class/id tokens
// split on - and _ (so "share-bar" and "social_links" match, "shareholder" does not).
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'social', 'socials', 'comment', 'comments', 'disqus', 'related',
  'recommended', 'recommendations', 'newsletter', 'subscribe', 'subscription', 'signup',
  'cookie', 'cookies', 'consent', 'gdpr', 'promo', 'advert', 'advertisement', 'ad', 'ads',
  'adsbygoogle', 'sponsor', 'sponsored', 'breadcrumb', 'breadcrumbs', 'sidebar', 'navbar', 'nav',
  'navigation', 'footer', 'masthead', 'toolbar', 'tags', 'byline', 'bylines', 'author', 'authors',
  'dateline', 'timestamp', 'outbrain', 'taboola', 'login', 'sronly', 'visuallyhidden', 'trending',
  'readmore', 'caption', 'pagination', 'pager', 'rating', 'reactions', 'donate', 'paywall', 'skip',
]);

// Words that name furniture on small elements but also appear on layout wrappers
// ("widget Blog", "body_overlay", "post-meta"): such an element goes only when it
// holds no real sentence.
const WEAK_FURNITURE_WORDS = new Set([
  'widget', 'popup', 'modal', 'overlay', 'menu', 'print', 'tooltip', 'hidden', 'credit',
  'credits', 'popular', 'most', 'more', 'next', 'prev', 'follow', 'banner', 'meta',
  'metadata', 'headline', 'kicker', 'jump', 'toc', 'tagline',
]);

// Substrings that identify furniture even when glued into one token ("articleShareBar").
const FURNITURE_SUBSTRINGS = [
  'share', 'social', 'comment', 'related', 'newsletter', 'cookie', 'advert', 'sidebar',
  'breadcrumb', 'byline', 'promo', 'outbrain', 'taboola', 'subscribe', 'recommend',
];

const STRUCTURAL_TAGS = new Set(['html', 'body', 'main', 'article']);

/** Whether class/id tokens name page furniture: 'strong', 'weak' (see above) or null. */
export function furnitureStrength(hints: string): 'strong' | 'weak' | null {
  if (!hints) return null;
  let weak = false;
  for (const token of hints.split(/\s+/)) {
    if (!token) continue;
    const lower = token.toLowerCase();
    const parts = lower.split(/[-_:.]+/);
    const camelParts = token.split(/(?=[A-Z])/).map((p) => p.toLowerCase());
    if (camelParts.length > 1) parts.push(...camelParts);
    if (parts.some((p) => FURNITURE_WORDS.has(p))) return 'strong';
    if (FURNITURE_SUBSTRINGS.some((s) => lower.includes(s)) && !isContentName(lower)) return 'strong';
    if (parts.some((p) => WEAK_FURNITURE_WORDS.has(p))) weak = true;
  }
  return weak ? 'weak' : null;
}

// Names that mark the content itself; a token such as "article-body" or
// "story-content" wins over a furniture substring in the same token.
function isContentName(token: string): boolean {
  return /(article|story|entry|post)[-_]?(body|content|text)|^(content|body|text)$/.test(token);
}

// Embedded posts (a quoted tweet, an Instagram post) are part of the story even
// though their wrappers are named "social-media-embed" or "twitter-tweet".
function isEmbedName(hints: string): boolean {
  return /embed|tweet|instagram-media|tiktok-embed/i.test(hints);
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a.style;
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

// Classes that CSS frameworks use to hide an element (Bootstrap's d-none, sr-only,
// a closed .collapse; WordPress's screen-reader-text). Whole class tokens only:
// "hidden-xs" hides on phones but shows everywhere else.
const HIDING_CLASSES = new Set(['hidden', 'd-none', 'hide', 'is-hidden', 'invisible', 'sr-only', 'visually-hidden', 'screen-reader-text', 'collapse']);

function hasHidingClass(el: Element): boolean {
  const cls = el.attribs.class;
  if (!cls) return false;
  const tokens = cls.toLowerCase().split(/\s+/);
  // An open collapsible (.collapse.show / .collapse.in) is visible.
  if (tokens.includes('collapse') && (tokens.includes('show') || tokens.includes('in'))) return false;
  return tokens.some((t) => HIDING_CLASSES.has(t));
}

/** Characters of prose inside <p> elements (long, sentence-like), for the wrapper check. */
function proseLength(node: AnyNode): number {
  let total = 0;
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (child.name === 'p') {
      const text = textOf(child);
      if (text.length >= 80 && /[.!?。]/.test(text)) total += text.length;
    } else total += proseLength(child);
  }
  return total;
}

function textOf(node: AnyNode): string {
  return collectText(node).replace(/\s+/g, ' ').trim();
}

// Visible text only: script and style bodies would dwarf the page's words.
function collectText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (isElement(node) && ALWAYS_REMOVED.has(node.name)) return '';
  let out = '';
  for (const child of childrenOf(node)) out += collectText(child);
  return out;
}

// 600 characters is a few real paragraphs; furniture rarely holds that much prose.
const WRAPPER_PROSE_CHARS = 600;

/** Removes boilerplate in place below `root`. */
export function removeBoilerplate(root: AnyNode): void {
  pruneBelow(root, textOf(root).length);
}

function pruneBelow(root: AnyNode, pageChars: number): void {
  for (const child of [...childrenOf(root)]) {
    if (child.type === 'comment' || child.type === 'directive' || child.type === 'cdata') {
      removeNode(child);
      continue;
    }
    if (!isElement(child)) continue;
    if (shouldRemove(child, pageChars)) removeNode(child);
    else pruneBelow(child, pageChars);
  }
}

function shouldRemove(el: Element, pageChars: number): boolean {
  const name = el.name;
  if (ALWAYS_REMOVED.has(name) || el.type !== 'tag') return true;
  if (isHidden(el)) return true;
  if (STRUCTURAL_TAGS.has(name)) return false;
  const role = el.attribs.role;
  const hints = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  const strength = hints.length > 1 && !isEmbedName(hints) ? furnitureStrength(hints) : null;
  const isFurniture =
    role === 'navigation' || role === 'complementary' || role === 'banner' || role === 'contentinfo' ||
    USUALLY_REMOVED.has(name) || strength === 'strong';
  // Page footers are often long legal prose (disclaimers, licences), so for them only
  // holding most of the page's text makes a wrapper.
  if (name === 'footer' || role === 'contentinfo') return textOf(el).length < pageChars * 0.5;
  if (isFurniture) return !isWrapper(el, pageChars);
  // A hidden block may hold plenty of prose (a collapsed letter, a print-only copy);
  // only holding most of the page's text marks it as a wrapper revealed by script.
  if (hasHidingClass(el)) return textOf(el).length < pageChars * 0.5;
  if (strength === 'weak') return measureElementOnly(el).value === 0;
  return false;
}

// A furniture-named element that holds most of the page's text, or several real
// paragraphs, is a layout wrapper ("widget Blog", "body_overlay"), not furniture.
function isWrapper(el: Element, pageChars: number): boolean {
  if (pageChars > 0 && textOf(el).length >= pageChars * 0.5) return true;
  return proseLength(el) >= WRAPPER_PROSE_CHARS;
}
