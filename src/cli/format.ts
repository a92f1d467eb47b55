import type { RunSummary } from '../pipeline/run-inline';
import type { BreachRecord } from '../types';
import { formatTable, shorten } from './table';

/** The run's closing summary, one fact per line. */
export function formatSummary(s: RunSummary): string {
  const lines = [
    `feeds:    ${s.feeds.ok} ok${s.feeds.notModified ? ` (${s.feeds.notModified} unchanged)` : ''}, ${s.feeds.failed} failed${s.feeds.deferred ? `, ${s.feeds.deferred} backing off after failures` : ''}`,
    `items:    ${s.items.total} seen, ${s.items.new} new, ${s.items.duplicate} duplicate${s.items.skipped ? `, ${s.items.skipped} disallowed by robots.txt` : ''}`,
    `articles: ${s.articles.withIncidents} with incidents, ${s.articles.noIncident} without, ${s.articles.failed} failed`,
    `records:  ${s.records} stored`,
  ];
  if (s.failures.length) {
    lines.push('failures:');
    for (const f of s.failures) lines.push(`  - ${f.reason}`); // reasons name their feed or URL
  }
  return lines.join('\n');
}

/** Records as an aligned text table for people. */
export function formatRecordsTable(records: BreachRecord[]): string {
  if (records.length === 0) return '(no records)';
  const header = ['organization', 'breach date', 'disclosed', 'affected', 'data types', 'not leaked', 'article'];
  const rows = records.map((r) => [
    r.organization?.name ?? '(unnamed)',
    r.breachDate?.value ?? '-',
    r.disclosedAt ?? '-',
    r.affectedCount ? r.affectedCount.value.toLocaleString('en-US') : '-',
    shorten(r.dataTypes.map((d) => d.type).join(', ') || '-', 44),
    shorten(r.notLeaked.join(', ') || '-', 30),
    shorten(r.article.title ?? r.article.url, 48),
  ]);
  return formatTable(header, rows, { rule: true });
}
