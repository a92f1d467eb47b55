import type { BreachRecord } from '../types';
import type { RecordQuery } from './record-store';

/**
 * The WHERE clause of a record query, shared by both stores: `?` placeholders in order
 * (PostgreSQL numbers them). Every value is a parameter, never spliced into SQL.
 */
export function recordFilter(q: RecordQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.org) {
    const like = `%${q.org.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push(`(lower(org_name) LIKE ? ESCAPE '\\' OR org_key LIKE ? ESCAPE '\\')`);
    params.push(like, like);
  }
  if (q.dataType) {
    clauses.push('data_types LIKE ?'); // data_types is ',email,phone,': a type is matched whole
    params.push(`%,${q.dataType},%`);
  }
  if (q.since) {
    clauses.push('disclosed_at >= ?');
    params.push(q.since);
  }
  if (q.until) {
    // "until 2020" includes all of 2020: compare at the precision given.
    clauses.push('substr(disclosed_at, 1, ?) <= ?');
    params.push(q.until.length, q.until);
  }
  if (q.minCount !== undefined) {
    clauses.push('affected_count >= ?');
    params.push(q.minCount);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The indexed columns of a record's row, which the filters above read (both stores write them). */
export function recordColumns(r: BreachRecord): {
  id: string; orgKey: string | null; orgName: string | null; breachDate: string | null; disclosedAt: string | null; affectedCount: number | null; dataTypes: string;
} {
  return {
    id: r.id,
    orgKey: r.organization?.key ?? null,
    orgName: r.organization?.name ?? null,
    breachDate: r.breachDate?.value ?? null,
    disclosedAt: r.disclosedAt ?? r.article.publishedAt?.slice(0, 10) ?? null,
    affectedCount: r.affectedCount?.value ?? null,
    dataTypes: dataTypesColumn(r.dataTypes.map((d) => d.type)),
  };
}

/** `,a,b,` — so `LIKE '%,a,%'` finds a type without matching a longer one. */
export function dataTypesColumn(types: string[]): string {
  return `,${[...new Set(types)].sort().join(',')},`;
}

/** Rewrites `?` placeholders as `$1`, `$2`, … for PostgreSQL. */
export function numberPlaceholders(sql: string, offset = 0): string {
  let n = offset;
  return sql.replace(/\?/g, () => `$${++n}`);
}
