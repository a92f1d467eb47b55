// Reads schema.org JSON-LD blocks. Publishers' JSON-LD is often slightly broken
// (trailing commas, HTML comments, raw newlines in strings, several objects in
// one block), so parsing is lenient and a block that still fails is skipped.
export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|WebPage|ItemPage)$/;

/** Every JSON-LD object in the given script texts, with @graph and arrays flattened. */
export function readJsonLd(blocks: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const block of blocks) {
    const parsed = parseLenient(block);
    if (parsed !== undefined) collectObjects(parsed, out);
  }
  return out;
}

function parseLenient(raw: string): unknown {
  let text = raw.trim().replace(/^<!--|-->$/g, '').replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    text = text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
}

function collectObjects(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectObjects(v, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as JsonObject;
  out.push(obj);
  if (Array.isArray(obj['@graph'])) collectObjects(obj['@graph'], out);
  if (obj.mainEntity && typeof obj.mainEntity === 'object') collectObjects(obj.mainEntity, out);
}

function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** The article-like objects first (news/blog types before plain WebPage). */
export function articleObjects(objects: JsonObject[]): JsonObject[] {
  const rank = (o: JsonObject) => {
    const types = typesOf(o);
    if (types.some((t) => ARTICLE_TYPES.test(t) && !/Page$/.test(t))) return 0;
    if (types.some((t) => ARTICLE_TYPES.test(t))) return 1;
    return 2;
  };
  return objects.filter((o) => rank(o) < 2).sort((a, b) => rank(a) - rank(b));
}

/** The first string value of `key` among the objects (first array element when it is a list). */
export function firstString(objects: JsonObject[], key: string): string | null {
  for (const o of objects) {
    const v = o[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string' && s.trim()) return s.trim();
  }
  return null;
}

/** A person or organization name: a string, {name}, or a list of them (joined). */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') {
    const n = (value as JsonObject).name;
    return typeof n === 'string' && n.trim() ? n.trim() : null;
  }
  return null;
}
