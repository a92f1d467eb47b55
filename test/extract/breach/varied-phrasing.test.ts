// Short stories in varied news phrasing, written for these tests: the rules must read
// general English, not the eval corpus. Each checks the fields that matter for its case.

import { extractIncidents } from '../../../src/extract/extract-incidents';

type Expect = { org: string | null; types?: string[]; count?: number | null; date?: string | null; notLeaked?: string[] };
const stories: Record<string, [string | null, string, string, Expect]> = {
  'insurer, passive voice, exact count': [
    'Insurer Maplecrest confirms cyberattack',
    '2023-05-10',
    'Maplecrest Insurance said the personal data of 14,208 policyholders was stolen in a cyberattack in April. The stolen files included names, policy numbers and medical claims.',
    { org: 'Maplecrest Insurance', types: ['medical', 'name'], count: 14_208, date: '2023-04' },
  ],
  'school district, records in words': [
    null,
    '2022-09-01',
    'The Fernhill School District said an intruder downloaded the records of roughly two thousand students last week. The files held student names, grades and home addresses. The district said no Social Security numbers were involved.',
    { org: 'Fernhill School District', count: 2_000, date: '2022-08', notLeaked: ['government_id'] },
  ],
  'forum dump with usernames': [
    'Hackers dump 3.1m accounts from gaming forum Pixelforge',
    '2021-02-15',
    'A hacker has posted a database of 3.1 million Pixelforge accounts on a leak site. The dump contains usernames, email addresses and bcrypt-hashed passwords, according to researchers who examined it.',
    { org: 'Pixelforge', types: ['email', 'password', 'username'], count: 3_100_000 },
  ],
  'ransomware with data theft': [
    'Ransomware gang leaks files stolen from Dorrance Logistics',
    '2024-01-22',
    'The Blackfin ransomware gang published 60 GB of files it stole from Dorrance Logistics after the company refused to pay. The leaked files include employee passport scans and payroll records.',
    { org: 'Dorrance Logistics', types: ['financial', 'government_id'] },
  ],
  'exposed database found by researcher': [
    null,
    '2020-07-08',
    'Security researcher Lena Park found an unprotected Elasticsearch server belonging to Quorra Health that exposed 800,000 patient records. The records contained diagnoses, phone numbers and dates of birth. Quorra Health secured the server on Monday.',
    { org: 'Quorra Health', types: ['date_of_birth', 'medical', 'phone'], count: 800_000 },
  ],
  'denial only, no breach': [
    'Brellow says outage was not a cyberattack',
    '2021-03-03',
    'Brellow said a software update caused Tuesday’s outage and that no customer data was accessed. The company apologised to its 2 million users.',
    { org: null },
  ],
};

describe('extractIncidents: varied phrasing', () => {
  it.each(Object.entries(stories))('%s', (_name, [title, publishedAt, text, e]) => {
    const incidents = extractIncidents({ title, publishedAt, text });
    if (e.org === null && !e.types) {
      expect(incidents).toEqual([]);
      return;
    }
    const [i] = incidents;
    expect(i.organization?.name ?? null).toBe(e.org);
    if (e.types) expect(i.dataTypes.map((d) => d.type).sort()).toEqual(expect.arrayContaining(e.types));
    if (e.count !== undefined) expect(i.affectedCount?.value ?? null).toBe(e.count);
    if (e.date !== undefined) expect(i.breachDate?.value ?? null).toBe(e.date);
    if (e.notLeaked) expect([...i.notLeaked].sort()).toEqual(e.notLeaked);
  });
});
