import { evidenceFields, renderIncident } from '../../src/api/web/incident-page';
import { mergeIncidents } from '../../src/store/merge-incidents';
import type { BreachRecord } from '../../src/types';
import { sampleRecords } from '../helpers/sample-record';

const SENTENCE = 'In January 2018, OnePlus reported that credit card data for up to 40,000 of its users had been stolen.';
const assets = { css: '/a.css', scripts: [], icon: '/i.svg' };

describe('the incident page', () => {
  it('shows each field\'s phrase, marked, while the record keeps only the phrase', () => {
    const records = sampleRecords();
    const [incident] = mergeIncidents(records);
    const fields = evidenceFields(incident, records);
    expect(fields.map((f) => [f.label, f.value, f.evidence.map((e) => [e.sentence, e.phrase, e.source])])).toEqual([
      ['Organization', 'OnePlus', [['OnePlus has suffered a data breach.', 'OnePlus', 1]]],
      ['Breach date', 'January 2018', [['In January 2018', 'In January 2018', 1]]],
      ['Affected', 'up to 40,000 people', [['up to 40,000 of its users', 'up to 40,000 of its users', 1]]],
      ['Leaked', 'payment card', [['credit card data', 'credit card data', 1]]],
    ]);
  });

  it('shows the whole sentence with the value marked once a record carries it (`sentence` beside `text`)', () => {
    const [record] = sampleRecords();
    const withSentence = {
      ...record,
      affectedCount: { ...record.affectedCount!, sentence: SENTENCE },
      breachDate: { ...record.breachDate!, sentence: SENTENCE },
    } as BreachRecord;
    const [incident] = mergeIncidents([withSentence]);
    const html = renderIncident(incident, [withSentence], assets);
    expect(html).toContain('<blockquote class="sentence">In January 2018, OnePlus reported that credit card data for <mark>up to 40,000 of its users</mark> had been stolen.</blockquote>');
    expect(html).toContain('<blockquote class="sentence"><mark>In January 2018</mark>, OnePlus reported that');
  });

  it('lists every source with its title, outlet, link and date; a source without an http(s) link shows as text', () => {
    const a = sampleRecords('https://news.example/a');
    const b = sampleRecords('https://other.example/b').map((r) => ({ ...r, article: { ...r.article, url: 'javascript:alert(1)', title: '<b>bold</b>' } }));
    const incident = { ...mergeIncidents(a)[0] };
    incident.sources = [...incident.sources, { ...mergeIncidents(b)[0].sources[0] }];
    const html = renderIncident(incident, [...a, ...b], assets);
    expect(html).toContain('<a href="https://news.example/a" rel="noopener noreferrer nofollow">OnePlus suffers data breach</a>');
    expect(html).toContain('news.example via technode');
    expect(html).toContain('<time datetime="2019-11-22">22 November 2019</time>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('href="javascript:');
  });
});
