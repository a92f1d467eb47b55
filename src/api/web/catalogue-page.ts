import type { MergedIncident } from '../../store/merge-incidents';
import { DATA_TYPES } from '../../types';
import { type CatalogueQuery, catalogueSearch, dataTypeLabel } from './catalogue-query';
import { formatCount, formatDate } from './format';
import { html, type SafeHtml } from './html';
import { layout, type PageAssets } from './layout';

export interface CataloguePage {
  q: CatalogueQuery;
  items: MergedIncident[];
  nextCursor: string | null;
  assets: PageAssets;
  /** Where the client fetches the timeline of the filtered set. */
  timelineUrl: string;
}

/** The catalogue: the filter form, the timeline's place, one page of incidents, the paging links. */
export function renderCatalogue(p: CataloguePage): string {
  const { form, problems } = p.q;
  const filtered = Boolean(form.q || form.type || form.from || form.to || form.min);
  const body = html`<h1>Breach catalogue</h1>
<form id="filters" class="filters" method="get" action="/" role="search" aria-label="Filter incidents">
<div class="field field-wide"><label for="q">Organization</label>
<input type="search" id="q" name="q" value="${form.q}" maxlength="200" autocomplete="off" spellcheck="false" placeholder="e.g. Weibo"></div>
<div class="field"><label for="type">Leaked data type</label>
<select id="type" name="type"><option value="">any</option>${DATA_TYPES.map((t) => html`<option value="${t}"${t === form.type ? html` selected` : ''}>${dataTypeLabel(t)}</option>`)}</select></div>
<div class="field"><label for="from">Disclosed from</label>
<input type="text" id="from" name="from" value="${form.from}" inputmode="numeric" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" placeholder="YYYY-MM-DD" aria-describedby="date-hint"></div>
<div class="field"><label for="to">Disclosed until</label>
<input type="text" id="to" name="to" value="${form.to}" inputmode="numeric" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" placeholder="YYYY-MM-DD" aria-describedby="date-hint"></div>
<div class="field"><label for="min">At least (affected)</label>
<input type="text" id="min" name="min" value="${form.min}" inputmode="numeric" pattern="[0-9,]*" placeholder="e.g. 10000"></div>
<div class="actions"><button type="submit">Filter</button> <a id="clear" href="/"${filtered ? '' : html` hidden`}>Clear filters</a></div>
<p id="date-hint" class="hint">Dates: a year, a month (YYYY-MM) or a day (YYYY-MM-DD).</p>
</form>
<div id="problems" role="alert">${problems.length ? html`<div class="problems"><p>Some filters were not applied:</p><ul>${problems.map((m) => html`<li>${m}</li>`)}</ul></div>` : ''}</div>
<section id="timeline" class="timeline" aria-labelledby="timeline-h" data-src="${p.timelineUrl}" hidden>
<h2 id="timeline-h">Incidents per month of disclosure</h2>
<div class="timeline-body">
<figure class="chart"><div class="chart-box"><canvas id="chart" role="img" aria-label="Incidents per month, stacked by data type"></canvas></div>
<figcaption id="chart-caption"></figcaption></figure>
<aside class="top-types" aria-labelledby="top-types-h"><h3 id="top-types-h">Top data types</h3><ol id="top-types"></ol></aside>
</div>
<details class="months"><summary>The chart as a table</summary><table id="months-table"><caption>Incidents per month of disclosure, by data type</caption><thead></thead><tbody></tbody></table></details>
</section>
<noscript><p class="hint">The timeline needs JavaScript; <a href="${p.timelineUrl}">its figures as JSON</a>.</p></noscript>
<section id="results" class="results" aria-labelledby="results-h">
<h2 id="results-h">Incidents</h2>
<p id="results-status" class="status" role="status">${statusLine(p)}</p>
<div id="results-list">
<ol class="incidents">
${p.items.map(renderItem)}</ol>
${pagingLinks(p)}
</div>
</section>`;
  return layout({ title: filtered ? `Breach catalogue: ${describeFilters(p.q)}` : 'Breach catalogue', assets: p.assets, body }).value;
}

function statusLine(p: CataloguePage): string {
  const n = p.items.length;
  if (n === 0) return p.q.cursor ? 'No more incidents.' : 'No incident matches these filters.';
  const what = `${n} incident${n === 1 ? '' : 's'}`;
  return `${p.q.cursor ? 'Further' : 'Showing'} ${what}, newest disclosure first${p.nextCursor ? '; more on the next page' : ''}.`;
}

function describeFilters({ form }: CatalogueQuery): string {
  return [
    form.q && `“${form.q}”`, form.type && dataTypeLabel(form.type), form.from && `from ${form.from}`,
    form.to && `until ${form.to}`, form.min && `at least ${form.min}`,
  ].filter(Boolean).join(', ');
}

function pagingLinks(p: CataloguePage): SafeHtml {
  const first = p.q.cursor ? html`<a href="/${catalogueSearch(p.q.form)}">First page</a>` : '';
  const next = p.nextCursor ? html`<a rel="next" href="/${catalogueSearch(p.q.form, p.nextCursor)}">Next page</a>` : '';
  return first || next ? html`<nav class="paging" aria-label="Pages">${first} ${next}</nav>` : html``;
}

function renderItem(i: MergedIncident): SafeHtml {
  const name = i.organization?.name ?? 'Unnamed organization';
  const count = formatCount(i.affectedCount);
  return html`<li class="incident">
<h3><a href="/incidents/${encodeURIComponent(i.id)}">${name}</a></h3>
<dl class="facts">
<div><dt>Breach</dt><dd>${i.breachDate ? html`<time datetime="${i.breachDate.value}">${formatDate(i.breachDate.value)}</time>` : html`<span class="muted">not stated</span>`}</dd></div>
<div><dt>Disclosed</dt><dd>${i.disclosedAt ? html`<time datetime="${i.disclosedAt}">${formatDate(i.disclosedAt)}</time>` : html`<span class="muted">unknown</span>`}</dd></div>
<div><dt>Affected</dt><dd>${count ?? html`<span class="muted">not stated</span>`}</dd></div>
<div><dt>Sources</dt><dd>${i.sources.length}</dd></div>
</dl>
${typeTags(i)}
</li>
`;
}

/** The leaked types as tags, and apart from them the types the sources say were not leaked. */
export function typeTags(i: MergedIncident): SafeHtml {
  return html`${i.dataTypes.length ? html`<p class="tags-label" id="leaked-${i.id}">Leaked</p><ul class="tags" aria-labelledby="leaked-${i.id}">${i.dataTypes.map((d) => html`<li class="tag">${dataTypeLabel(d.type)}</li>`)}</ul>` : ''}
${i.notLeaked.length ? html`<p class="tags-label tags-label-safe" id="safe-${i.id}">Not leaked</p><ul class="tags tags-safe" aria-labelledby="safe-${i.id}">${i.notLeaked.map((t) => html`<li class="tag tag-safe">${dataTypeLabel(t)}</li>`)}</ul>` : ''}`;
}
