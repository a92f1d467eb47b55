import fs from 'node:fs';
import { ConfigError } from '../../errors';
import { traceExtraction, type ExtractionTrace } from '../../extract/extract-incidents';
import type { DateRole } from '../../extract/breach/breach-dates';
import { TITLE_INDEX, type SentenceReading } from '../../extract/breach/sentence-readings';
import type { RegisterCommand } from '../action';
import { parseExtractInput } from '../parse-extract-input';

export const registerExplain: RegisterCommand = (program, action) => {
  program.command('explain')
    .description('show how the breach rules read one article: sentences, fields, counts, dates, victims, incidents')
    .option('--in <file>', 'input JSONL, as for extract')
    .option('--id <id>', 'the id of the line to explain')
    .option('--text <text>', 'explain this text instead')
    .option('--title <title>', 'headline for --text')
    .option('--date <date>', 'publication date for --text (YYYY-MM-DD)')
    .action(action(explainCommand));
};

/**
 * `breachfeed explain`: how the breach rules read one article. Every sentence with a cue or a
 * reading, what it yielded (fields, counts, dates and their roles), the victims and their
 * support, the incidents the sentences were grouped into, and the verdict.
 */
export async function explainCommand(opts: { in?: string; id?: string; text?: string; title?: string; date?: string }): Promise<number> {
  const article = opts.text !== undefined ? { title: opts.title ?? null, publishedAt: opts.date ?? null, text: opts.text } : readArticle(opts);
  process.stdout.write(formatTrace(traceExtraction(article)));
  return 0;
}

function readArticle(opts: { in?: string; id?: string }): { title: string | null; publishedAt: string | null; text: string } {
  if (!opts.in || !opts.id) throw new ConfigError('explain: give --text TEXT, or --in FILE.jsonl with --id ID');
  if (!fs.existsSync(opts.in)) throw new ConfigError(`explain: --in ${opts.in} does not exist`);
  const lines = fs.readFileSync(opts.in, 'utf8').split('\n');
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k].includes(JSON.stringify(opts.id).slice(1, -1))) continue;
    const item = parseExtractInput(lines[k], k + 1);
    if (item.id !== opts.id) continue;
    if (item.text === undefined) throw new ConfigError(`explain: ${opts.in} line ${k + 1} has HTML, not text; run extract on it instead`);
    return { title: item.title ?? null, publishedAt: item.date ?? null, text: item.text };
  }
  throw new ConfigError(`explain: no line with id ${opts.id} in ${opts.in}`);
}

/** The trace as plain text, one block per sentence the rules read. */
export function formatTrace(t: ExtractionTrace): string {
  const out: string[] = [];
  const texts = new Map<number, string>(t.sentences.map((s) => [s.index, s.text]));
  if (t.title) texts.set(TITLE_INDEX, t.title);
  out.push(`published ${t.publishedAt ?? '-'}; ${t.sentences.length} sentences; breach report: ${t.isReport ? 'yes' : 'no'} (headline cue ${t.evidence.titleStrength}, sentence cues ${t.evidence.sentenceStrengths.join(' ') || '-'})`, '');
  const indexes = [...new Set([...t.strengths.keys(), ...t.readings.keys()])].sort((a, b) => a - b);
  for (const i of indexes) {
    out.push(`[${i === TITLE_INDEX ? 'title' : i}] cue ${t.strengths.get(i) ?? 0}: ${texts.get(i)}`);
    const r = t.readings.get(i);
    if (r) out.push(...describeReading(r));
  }
  out.push('', 'victims (score, sentences):');
  for (const v of t.victims) out.push(`  ${v.name} [${v.key}]  score ${v.score.toFixed(1)}  sentences ${v.sentenceIndexes.join(',')}`);
  if (!t.victims.length) out.push('  none named in a victim role');
  out.push('', 'incidents (sentences grouped by date and victim):');
  for (const s of t.segments) out.push(`  ${s.isMain ? 'main' : 'other'}  date ${s.date?.value ?? '-'}  victim ${s.victimKey ?? '-'}  sentences ${s.sentences.join(',')}`);
  out.push('', `verdict: ${t.verdict}`);
  for (const i of t.incidents) {
    const count = i.affectedCount ? `${i.affectedCount.value} ${i.affectedCount.unit}` : '-';
    out.push(`  ${i.organization?.name ?? '(no victim)'} | breach ${i.breachDate?.value ?? '-'} | count ${count} | ${i.dataTypes.map((d) => d.type).join(', ') || '-'}${i.notLeaked.length ? ` | not leaked ${i.notLeaked.join(', ')}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

const DATE_ROLES: Record<DateRole, string> = {
  event: 'dates the breach',
  origin: 'the breach goes back to it',
  surfaced: 'when the data surfaced; the breach date only if there is no other',
  disclosure: 'an announcement, not the breach',
  discovery: 'a finding, not the breach',
};

function describeReading(r: SentenceReading): string[] {
  const lines: string[] = [];
  if (r.leaked.length) lines.push(`      leaked: ${r.leaked.map((m) => `${m.type} "${m.text}"`).join(', ')}`);
  if (r.notLeaked.length) lines.push(`      not leaked: ${r.notLeaked.map((m) => `${m.type} "${m.text}"`).join(', ')}`);
  for (const c of r.counts) lines.push(`      count ${c.value} ${c.unit} "${c.text}" ${c.isAffected ? '(said to be affected)' : '(not tied to the breach by the sentence)'}`);
  for (const d of r.dates) lines.push(`      date ${d.value} "${d.text}": ${DATE_ROLES[d.role]}`);
  return lines;
}
