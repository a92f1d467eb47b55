// Incident merge end to end: articles written as three outlets would report one breach go
// through the real extractor, and their records merge into one incident.
import { extractFromInput } from '../../src/pipeline/extract-input';
import { mergeIncidents } from '../../src/store/merge-incidents';
import { ONEPLUS_ARTICLE } from '../extract/breach/seed-articles';

const REPORTS = [
  {
    id: 'wire', url: 'https://wire.example/2025/04/02/marlow-pharmacy-breach', date: '2025-04-02', title: 'Marlow Pharmacy says hackers stole patient data',
    text: 'Marlow Pharmacy said on Tuesday that hackers broke into its prescription system in March and stole the names, dates of birth and prescription records of 212,000 patients.\n\n'
      + 'The pharmacy chain said payment card numbers were not affected. It has notified the state attorney general and is offering affected patients a year of credit monitoring.',
  },
  {
    id: 'daily', url: 'https://daily.example/news/marlow-pharmacy-data-breach', date: '2025-04-03', title: 'Marlow Pharmacy data breach hits 212,000 patients',
    text: 'A data breach at Marlow Pharmacy exposed the personal information of about 212,000 patients, including their home addresses and prescription histories, according to a filing with regulators.\n\n'
      + 'The company discovered the intrusion in March and said the attackers had access to its systems for nine days.',
  },
  {
    id: 'blog', url: 'https://blog.example/marlow-breach-what-to-do', date: '2025-04-05', title: 'What Marlow Pharmacy customers should do after the breach',
    text: 'Hackers who breached Marlow Pharmacy in March took email addresses and phone numbers along with prescription details, the company confirmed in letters to customers this week.\n\n'
      + 'Customers should watch for phishing messages that mention their prescriptions, security experts said.',
  },
];

describe('merging records of extracted articles', () => {
  it('three reports of one breach → one incident with three sources and the union of their fields', () => {
    const records = REPORTS.flatMap((r) => extractFromInput(r));
    expect(records.map((r) => r.organization?.key)).toEqual(['marlow-pharmacy', 'marlow-pharmacy', 'marlow-pharmacy']);
    const incidents = mergeIncidents(records);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident.sources.map((s) => s.url).sort()).toEqual(REPORTS.map((r) => r.url).sort());
    expect(incident.breachDate?.value).toBe('2025-03');
    expect(incident.affectedCount).toMatchObject({ value: 212_000, sources: 2 });
    expect(incident.dataTypes.map((d) => d.type)).toEqual(expect.arrayContaining(['name', 'date_of_birth', 'medical', 'address', 'email', 'phone']));
  });

  it('the OnePlus article’s 2019 breach and the 2018 one it recalls stay two incidents', () => {
    const records = extractFromInput({ id: 'oneplus', date: '2019-11-22', text: ONEPLUS_ARTICLE.text });
    expect(records).toHaveLength(2);
    const incidents = mergeIncidents(records);
    expect(incidents.map((i) => i.breachDate?.value ?? null).sort()).toEqual(['2018-01', null]);
  });
});
