import type { MergedIncident } from '../../store/merge-incidents';
import type { BreachRecord } from '../../types';
import { typeTags } from './catalogue-page';
import { dataTypeLabel } from './catalogue-query';
import { formatCount, formatDate, isoDay, outletOf } from './format';
import { highlight, html, linkableUrl, type SafeHtml } from './html';
import { layout, type PageAssets } from './layout';

/** One piece of evidence: the sentence a value was read from, the phrase that is the value, and its source. */
export interface Evidence {
  sentence: string;
  phrase: string;
  /** 1-based position of the source in the incident's source list. */
  source: number;
}

export interface EvidenceField {
  label: string;
  value: string;
  evidence: Evidence[];
}

// A record field may carry the whole sentence its `text` came from (`sentence`); until the
// extractor stores it, the evidence is the phrase itself (or, for the organization, the sentence
// that names it).
type MaybeSentence = { sentence?: unknown };
const sentenceOf = (field: object): string | null => {
  const s = (field as MaybeSentence).sentence;
  return typeof s === 'string' && s ? s : null;
};

/** For each field of the incident, the evidence of every source record that has it (duplicates once). */
export function evidenceFields(incident: MergedIncident, records: (BreachRecord | null)[]): EvidenceField[] {
  const fields: EvidenceField[] = [];
  const collect = (label: string, value: string, pick: (r: BreachRecord) => { sentence: string; phrase: string } | null) => {
    const evidence: Evidence[] = [];
    records.forEach((r, n) => {
      const e = r && pick(r);
      if (e && !evidence.some((x) => x.sentence === e.sentence && x.phrase === e.phrase)) evidence.push({ ...e, source: n + 1 });
    });
    fields.push({ label, value, evidence });
  };
  if (incident.organization) {
    const name = incident.organization.name;
    collect('Organization', name, (r) => r.organization && r.organization.key === incident.organization?.key
      ? { sentence: sentenceOf(r.organization) ?? r.organization.evidence, phrase: r.organization.name } : null);
  }
  if (incident.breachDate) {
    collect('Breach date', formatDate(incident.breachDate.value), (r) => r.breachDate
      ? { sentence: sentenceOf(r.breachDate) ?? r.breachDate.text, phrase: r.breachDate.text } : null);
  }
  const count = formatCount(incident.affectedCount);
  if (count) {
    collect('Affected', count, (r) => r.affectedCount
      ? { sentence: sentenceOf(r.affectedCount) ?? r.affectedCount.text, phrase: r.affectedCount.text } : null);
  }
  for (const d of incident.dataTypes) {
    collect('Leaked', dataTypeLabel(d.type), (r) => {
      const t = r.dataTypes.find((x) => x.type === d.type);
      return t ? { sentence: sentenceOf(t) ?? t.text, phrase: t.text } : null;
    });
  }
  return fields;
}

/** The incident page: its facts, where each value was read, and every source article. */
export function renderIncident(incident: MergedIncident, records: (BreachRecord | null)[], assets: PageAssets): string {
  const name = incident.organization?.name ?? 'Unnamed organization';
  const count = formatCount(incident.affectedCount);
  const body = html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/">All incidents</a></nav>
<h1>${name}</h1>
<dl class="facts facts-large">
<div><dt>Breach</dt><dd>${incident.breachDate ? html`<time datetime="${incident.breachDate.value}">${formatDate(incident.breachDate.value)}</time>` : html`<span class="muted">not stated</span>`}</dd></div>
<div><dt>Disclosed</dt><dd>${incident.disclosedAt ? html`<time datetime="${incident.disclosedAt}">${formatDate(incident.disclosedAt)}</time>` : html`<span class="muted">unknown</span>`}</dd></div>
<div><dt>Affected</dt><dd>${count ?? html`<span class="muted">not stated</span>`}</dd></div>
<div><dt>Confidence</dt><dd>${Math.round(incident.confidence * 100)}%</dd></div>
</dl>
${typeTags(incident)}
<section aria-labelledby="evidence-h">
<h2 id="evidence-h">Where each value comes from</h2>
<dl class="evidence">
${evidenceFields(incident, records).map(renderField)}</dl>
</section>
<section aria-labelledby="sources-h">
<h2 id="sources-h">Sources (${incident.sources.length})</h2>
<ol class="sources">
${incident.sources.map(renderSource)}</ol>
</section>`;
  return layout({ title: `${name}: breach${incident.breachDate ? ` of ${formatDate(incident.breachDate.value)}` : ''}`, assets, body, scripts: false }).value;
}

function renderField(f: EvidenceField): SafeHtml {
  return html`<div class="evidence-field"><dt>${f.label}: <span class="value">${f.value}</span></dt>
${f.evidence.length ? f.evidence.map((e) => html`<dd><blockquote class="sentence">${highlight(e.sentence, e.phrase)}</blockquote> <a class="cite" href="#source-${e.source}">source ${e.source}</a></dd>
`) : html`<dd class="muted">no source states it in words</dd>`}</div>
`;
}

function renderSource(s: MergedIncident['sources'][number], n: number): SafeHtml {
  const url = linkableUrl(s.url);
  const title = s.title || s.url;
  return html`<li id="source-${n + 1}" class="source">
<p class="source-title">${url ? html`<a href="${url}" rel="noopener noreferrer nofollow">${title}</a>` : title}</p>
<p class="source-meta"><span class="outlet">${outletOf(s.url, s.feed)}</span>${s.publishedAt ? html` · <time datetime="${isoDay(s.publishedAt)}">${formatDate(s.publishedAt)}</time>` : ''}</p>
${url ? '' : html`<p class="muted">Link not shown: ${s.url}</p>`}</li>
`;
}

/** A short page for an id that answers no incident: removed (410) or unknown (404). */
export function renderGone(kind: 'deleted' | 'unknown', id: string, assets: PageAssets): string {
  const body = kind === 'deleted'
    ? html`<h1>This incident was removed</h1><p>The incident <code>${id}</code> is no longer in the catalogue.</p>`
    : html`<h1>No such incident</h1><p>There is no incident with the id <code>${id}</code>.</p>`;
  return layout({ title: kind === 'deleted' ? 'Incident removed' : 'No such incident', assets, body: html`${body}<p><a href="/">Browse all incidents</a></p>`, scripts: false }).value;
}

/** A page saying what went wrong (bad input, store down), with the status's words. */
export function renderProblem(title: string, message: string, assets: PageAssets): string {
  return layout({ title, assets, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the catalogue</a></p>`, scripts: false }).value;
}
