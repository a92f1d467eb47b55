import { buildRecords } from '../../src/pipeline/build-records';
import type { Article, BreachRecord, Incident } from '../../src/types';

export function sampleArticle(url = 'https://news.example/2019/11/oneplus-breach'): Article {
  return {
    url, canonicalUrl: url, title: 'OnePlus suffers data breach', publishedAt: '2019-11-22',
    author: null, language: 'en', siteName: 'Example News', text: 'OnePlus has suffered a data breach.',
  };
}

export function sampleIncident(over: Partial<Incident> = {}): Incident {
  return {
    organization: { name: 'OnePlus', key: 'oneplus', evidence: 'OnePlus has suffered a data breach.' },
    breachDate: { value: '2018-01', precision: 'month', text: 'In January 2018' },
    disclosedAt: '2019-11-22',
    dataTypes: [{ type: 'payment_card', text: 'credit card data' }],
    notLeaked: [],
    affectedCount: { value: 40000, unit: 'people', qualifier: 'up to', text: 'up to 40,000 of its users' },
    confidence: 0.8,
    ...over,
  };
}

export function sampleRecords(url?: string, incidents: Incident[] = [sampleIncident()]): BreachRecord[] {
  return buildRecords(incidents, { article: sampleArticle(url), feed: 'technode', fetchedAt: '2019-11-22T10:00:00.000Z', extractor: 'breachfeed@0.1.0' });
}
