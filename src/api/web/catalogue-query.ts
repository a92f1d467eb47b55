import type { RecordQuery } from '../../store/record-store';
import { DATA_TYPES, type DataType } from '../../types';

/** The catalogue's filters as the form and the URL carry them (empty string: not set). */
export interface CatalogueForm {
  q: string;
  type: string;
  from: string;
  to: string;
  min: string;
  cursor: string;
}

export interface CatalogueQuery {
  form: CatalogueForm;
  /** The filters as the incident reads take them. */
  query: RecordQuery;
  cursor: string | undefined;
  /** One line per refused parameter, for the page; the refused ones are left out of `query`. */
  problems: string[];
}

const FIELDS = ['q', 'type', 'from', 'to', 'min', 'cursor'] as const;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MAX_SEARCH_CHARS = 200;

/**
 * Reads the catalogue's URL parameters. Unknown ones (a tracking tag on a shared link) are
 * ignored, and a bad value is named on the page instead of failing it.
 */
export function parseCatalogueQuery(raw: Record<string, unknown>): CatalogueQuery {
  const form = Object.fromEntries(FIELDS.map((f) => [f, firstString(raw[f]).trim()])) as unknown as CatalogueForm;
  const query: RecordQuery = {};
  const problems: string[] = [];
  if (form.q) {
    if (form.q.length > MAX_SEARCH_CHARS) problems.push(`the search is longer than ${MAX_SEARCH_CHARS} characters`);
    else query.org = form.q;
  }
  if (form.type) {
    if (isDataType(form.type)) query.dataType = form.type;
    else problems.push(`"${form.type}" is not a data type`);
  }
  if (form.from) {
    if (DATE.test(form.from)) query.since = form.from;
    else problems.push('"from" must be a date: YYYY, YYYY-MM or YYYY-MM-DD');
  }
  if (form.to) {
    if (DATE.test(form.to)) query.until = form.to;
    else problems.push('"to" must be a date: YYYY, YYYY-MM or YYYY-MM-DD');
  }
  if (form.min) {
    const n = Number(form.min.replace(/[,_ ]/g, ''));
    if (/^[\d,_ ]+$/.test(form.min) && Number.isSafeInteger(n)) query.minCount = n;
    else problems.push('"at least" must be a whole number');
  }
  const cursor = /^[A-Za-z0-9_-]{1,200}$/.test(form.cursor) ? form.cursor : undefined;
  if (form.cursor && !cursor) problems.push('the page link is not valid; showing the first page');
  return { form, query, cursor, problems };
}

/** The filters as a query string (`?…`, or '' when none), leaving out empty fields; `cursor` only when given. */
export function catalogueSearch(form: CatalogueForm, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const f of FIELDS) if (f !== 'cursor' && form[f]) params.set(f, form[f]);
  if (cursor) params.set('cursor', cursor);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function isDataType(s: string): s is DataType {
  return (DATA_TYPES as readonly string[]).includes(s);
}

/** `payment_card` → `payment card`. */
export function dataTypeLabel(type: string): string {
  return type.replace(/_/g, ' ');
}

function firstString(v: unknown): string {
  if (Array.isArray(v)) return firstString(v[0]);
  return typeof v === 'string' ? v : '';
}
