import { EXTRACTOR_VERSION, extractIncidents, organizationKey } from '../../src/extract/extract-incidents';
import type { ArticleText, Incident } from '../../src/types';
import { ONEPLUS_ARTICLE, WEIBO_ARTICLE } from './breach/seed-articles';

const types = (i: Incident) => i.dataTypes.map((d) => d.type).sort();

// Every value must be backed by a verbatim span of the article.
function expectEvidenceIn(article: ArticleText, incidents: Incident[]): void {
  const source = `${article.title ?? ''}\n${article.text}`;
  for (const i of incidents) {
    if (i.organization) expect(source).toContain(i.organization.evidence);
    if (i.organization) expect(i.organization.evidence).toContain(i.organization.name);
    if (i.breachDate) expect(source).toContain(i.breachDate.text);
    if (i.affectedCount) expect(source).toContain(i.affectedCount.text);
    for (const d of i.dataTypes) expect(source).toContain(d.text);
    expect(i.confidence).toBeGreaterThan(0);
    expect(i.confidence).toBeLessThanOrEqual(1);
  }
}

describe('extractIncidents: seed articles', () => {
  it('OnePlus: the new breach and the 2018 card breach', () => {
    const incidents = extractIncidents(ONEPLUS_ARTICLE);
    expect(incidents).toHaveLength(2);
    const [now, past] = incidents;
    expect(now.organization).toMatchObject({ name: 'OnePlus', key: 'oneplus' });
    expect(types(now)).toEqual(['address', 'email', 'name', 'phone']);
    expect([...now.notLeaked].sort()).toEqual(['account', 'password', 'payment_card']);
    expect(now.breachDate).toBeNull();
    expect(now.affectedCount).toBeNull();
    expect(now.disclosedAt).toBeNull();

    expect(past.organization?.key).toBe('oneplus');
    expect(types(past)).toEqual(['payment_card']);
    // Each value with its words and the whole sentence they are in.
    const sentence = 'In January 2018, OnePlus reported that credit card data for up to 40,000 of its users had been stolen.';
    expect(past.breachDate).toEqual({ value: '2018-01', precision: 'month', text: 'In January 2018', sentence });
    expect(past.affectedCount).toEqual({ value: 40_000, unit: 'people', qualifier: 'up to', text: 'up to 40,000 of its users', sentence });
    expect(past.dataTypes).toEqual([{ type: 'payment_card', text: expect.any(String), sentence }]);
    expect(now.confidence).toBeGreaterThanOrEqual(past.confidence);
    expectEvidenceIn(ONEPLUS_ARTICLE, incidents);
  });

  it('Weibo: 538 million users, not the 516 million monthly active users', () => {
    const incidents = extractIncidents(WEIBO_ARTICLE);
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i.organization).toMatchObject({ name: 'Weibo', key: 'weibo' });
    expect(i.affectedCount?.value).toBe(538_000_000);
    expect(i.affectedCount?.text).toBe('538 million Weibo users');
    expect(types(i)).toEqual(['address', 'personal_info', 'phone']);
    expect(i.breachDate).toBeNull();
    expect(i.disclosedAt).toBe('2020-03-27');
    expectEvidenceIn(WEIBO_ARTICLE, incidents);
  });
});

describe('extractIncidents: written stories', () => {
  it('a breach with a count in words, a relative date and a denial', () => {
    const article: ArticleText = {
      title: 'Grocery chain Pellmart says hackers stole shopper data',
      publishedAt: '2021-06-18T09:30:00Z',
      text:
        'Pellmart, the regional grocery chain, said on Thursday that hackers broke into its loyalty-card system last month and stole the names, email addresses and phone numbers of half a million shoppers.\n\n' +
        'The company said card numbers and passwords were not affected. Pellmart has about 4 million loyalty members in total.\n\n' +
        'Shoppers can call the helpline at 0800-555-0100.',
    };
    const [i, ...rest] = extractIncidents(article);
    expect(rest).toEqual([]);
    expect(i.organization?.name).toBe('Pellmart');
    expect(i.affectedCount).toMatchObject({ value: 500_000, text: 'half a million shoppers' });
    expect(i.breachDate).toMatchObject({ value: '2021-05', precision: 'month', text: 'last month' });
    expect(i.disclosedAt).toBe('2021-06-17');
    expect(types(i)).toEqual(['email', 'name', 'phone']);
    expect([...i.notLeaked].sort()).toEqual(['password', 'payment_card']);
    expectEvidenceIn(article, [i]);
  });

  it('keeps the discovery date out of disclosedAt and dates a range at its start', () => {
    const article: ArticleText = {
      title: 'Payroll firm Corbel discloses breach affecting 72,316 people',
      publishedAt: '2024-08-02',
      text:
        'Corbel Payroll Services has disclosed a data breach affecting 72,316 people. ' +
        'An unauthorized party accessed one of its file-transfer servers between June 11 and June 14, 2024, and copied files holding names, Social Security numbers and bank account numbers. ' +
        'Corbel said it learned of the intrusion on July 2, when a client reported a suspicious change.',
    };
    const [i] = extractIncidents(article);
    expect(i.breachDate).toMatchObject({ value: '2024-06-11', precision: 'day' });
    expect(i.disclosedAt).toBe('2024-08-02');
    expect(i.affectedCount?.value).toBe(72_316);
    expect(types(i)).toEqual(['bank_account', 'government_id', 'name']);
  });

  it('two companies breached in one story yield two incidents', () => {
    const article: ArticleText = {
      title: 'Two clinics hit by the same intruders',
      publishedAt: '2020-02-10',
      text:
        'Hackers breached Riverbend Medical Group in December and stole the medical records of nearly 3,000 patients. ' +
        'The same intruders also broke into Northgate Dental, where 1.2 million records including dates of birth were exposed.',
    };
    const incidents = extractIncidents(article);
    const byOrg = new Map(incidents.map((i) => [i.organization?.name, i]));
    expect([...byOrg.keys()].sort()).toEqual(['Northgate Dental', 'Riverbend Medical Group']);
    expect(byOrg.get('Riverbend Medical Group')?.affectedCount?.value).toBe(3_000);
    expect(byOrg.get('Northgate Dental')?.affectedCount?.value).toBe(1_200_000);
    expectEvidenceIn(article, incidents);
  });

  it('gives each victim of a list the count after its own name', () => {
    const article: ArticleText = {
      title: 'Leak of a payroll contractor exposes 1.3 million workers',
      publishedAt: '2021-06-01',
      text:
        'A payroll contractor left a database of 1,312,845 worker records exposed online, researchers said. ' +
        'Employers whose staff records were exposed include Arbor Bank with 12,400 records, Corvex Labs with 9,310 and Dunmore Foods with 4,050.',
    };
    const incidents = extractIncidents(article);
    const counts = new Map(incidents.map((i) => [i.organization?.name ?? null, i.affectedCount?.value]));
    expect(counts.get('Corvex Labs')).toBe(9_310);
    expect(counts.get('Dunmore Foods')).toBe(4_050);
    expect(counts.get('Arbor Bank')).toBe(12_400);
    expectEvidenceIn(article, incidents);
  });

  it('gives the headline victim its own count when it is an item of a list', () => {
    const article: ArticleText = {
      title: 'Payroll leak exposes Arbor Bank staff',
      publishedAt: '2021-06-01',
      text:
        'A payroll contractor left a database of 1,312,845 worker records exposed online. ' +
        'The largest share belongs to the Ministry of Fisheries, with 41,200 staff records exposed. ' +
        'Other employers affected by the leak include Arbor Bank with 12,400 records and Dunmore Foods with 4,050.',
    };
    const incidents = extractIncidents(article);
    const counts = new Map(incidents.map((i) => [i.organization?.name ?? null, i.affectedCount?.value]));
    expect(counts.get('Arbor Bank')).toBe(12_400);
    expect(counts.get('Ministry of Fisheries')).toBe(41_200);
    expectEvidenceIn(article, incidents);
  });

  it('dates a breach by how far back its data goes, even in a sentence that only says so', () => {
    const article: ArticleText = {
      title: null,
      publishedAt: '2023-11-02',
      text:
        'In October 2023, a data breach from the online florist Petalhouse was posted to a popular hacking forum. ' +
        'The data included 2M unique email addresses and names. ' +
        'According to Petalhouse, the data dates back to February 2022.',
    };
    const [incident] = extractIncidents(article);
    expect(incident.organization?.name).toBe('Petalhouse');
    expect(incident.breachDate?.value).toBe('2022-02');
    expectEvidenceIn(article, [incident]);
  });

  it('dates a breach known only by when its data surfaced by the earliest such date', () => {
    const article: ArticleText = {
      title: null,
      publishedAt: '2023-08-23',
      text:
        'In August 2023, 2.6M records scraped from the language app Lingoloop were widely distributed on a hacking forum. ' +
        'The data had earlier appeared for sale in January 2023 and contained email addresses and names.',
    };
    const [incident] = extractIncidents(article);
    expect(incident.breachDate?.value).toBe('2023-01');
  });

  it('lets a sentence after a lead that says the victim "had suffered" a breach re-date it', () => {
    const article: ArticleText = {
      title: null,
      publishedAt: '2018-04-19',
      text:
        'In September 2017, news broke that Quillbox had suffered a data breach exposing 3 million records. ' +
        'The company later said the incident dated back to August that year. ' +
        'The exposed data included usernames and email addresses.',
    };
    const incidents = extractIncidents(article);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].breachDate?.value).toBe('2017-08');
  });

  it('takes the count of a sentence that names the victim before a count of one that does not', () => {
    const article: ArticleText = {
      title: null,
      publishedAt: '2019-03-01',
      text:
        'Last year a dark web vendor was caught selling 2 billion user accounts stolen from large web portals. ' +
        'Now another vendor is selling 48,120,553 user accounts stolen from Pinevale, a video site.',
    };
    const [incident] = extractIncidents(article);
    expect(incident.organization?.name).toBe('Pinevale');
    expect(incident.affectedCount?.value).toBe(48_120_553);
  });

  it('a breach with no named victim still yields an incident', () => {
    const article: ArticleText = {
      title: null,
      publishedAt: '2019-09-02',
      text:
        'A hospital in the north of the country confirmed a data breach on Friday. ' +
        'Attackers accessed patient records, including diagnoses and insurance numbers, the hospital said.',
    };
    const incidents = extractIncidents(article);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].organization).toBeNull();
    expect(types(incidents[0])).toEqual(['medical']);
  });

  it.each([
    ['a patch', 'Vendor Larimo released a patch for a flaw that could allow attackers to steal session cookies. Users should update now.'],
    ['a phishing warning', 'Police warned that scammers are sending fake invoices. Never enter your password on a site you reached from an email.'],
    ['general news', 'The company reported record revenue for the quarter and hired 2,000 new employees.'],
  ])('%s yields no incident', (_name, text) => {
    expect(extractIncidents({ title: null, publishedAt: '2020-01-01', text })).toEqual([]);
  });

  it('talk about attacks in general, with no victim, field or count named, yields no incident', () => {
    const text =
      'Security teams say attackers have breached more small firms this year. ' +
      'In one case the intruders broke into a warehouse network over a weekend. ' +
      'Analysts expect such attacks to grow as criminals automate their tools.';
    expect(extractIncidents({ title: null, publishedAt: '2021-03-01', text })).toEqual([]);
  });

  it('a report naming only what was taken still yields an incident', () => {
    const text =
      'Intruders broke into the network of a regional water utility last week. ' +
      'They stole billing records holding customer names and bank account numbers, the utility said.';
    const [i] = extractIncidents({ title: null, publishedAt: '2021-03-01', text });
    expect(types(i)).toEqual(['bank_account', 'name']);
  });

  it('a headline about what a flaw exposed needs the body to report a breach', () => {
    const title = 'Flaw in Dunmore Bank portal exposed customer data';
    const disclosure = 'A researcher found that a flaw in the portal let any logged-in user view other customers’ statements. The bank fixed the flaw within a day.';
    expect(extractIncidents({ title, publishedAt: '2020-05-01', text: disclosure })).toEqual([]);
    const breach = `${disclosure} Before the fix, fraudsters stole the account records of 2,000 Dunmore Bank customers. The records were later offered for sale on a dark web forum.`;
    const [i] = extractIncidents({ title, publishedAt: '2020-05-01', text: breach });
    expect(i.organization?.name).toBe('Dunmore Bank');
  });

  it('a headline about ransomware needs the body to name data taken', () => {
    const title = 'Town library website hacked with ransomware';
    const lockout = 'The Marlow Public Library website was hacked on Monday. The attackers encrypted its servers and demanded a ransom in bitcoin. Staff restored the site from backups.';
    expect(extractIncidents({ title, publishedAt: '2020-05-06', text: lockout })).toEqual([]);
    const theft = `${lockout} Before encrypting the servers, the attackers stole the names and email addresses of 4,000 library members.`;
    const [i] = extractIncidents({ title, publishedAt: '2020-05-06', text: theft });
    expect(i.affectedCount?.value).toBe(4_000);
  });

  describe('a story about something else that recalls a specific breach', () => {
    it('yields the recalled breach with only what its own sentence states', () => {
      const article = {
        title: 'Framework maintainers ship fixes for two template flaws',
        publishedAt: '2019-06-04',
        text:
          'The maintainers of a popular web framework released fixes for two template flaws on Monday. ' +
          'Users are urged to upgrade, as the older releases are still widely deployed. ' +
          'In 2017, a flaw in the same framework was exploited to expose the records of 12 million Harbridge Insurance policyholders. ' +
          'The new flaws were found by an outside researcher in April and have not been exploited.',
      };
      const incidents = extractIncidents(article);
      expect(incidents).toHaveLength(1);
      const [i] = incidents;
      expect(i.organization?.name).toBe('Harbridge Insurance');
      expect(i.affectedCount?.value).toBe(12_000_000);
      expect(i.breachDate?.value).toBe('2017');
      expect(types(i)).toEqual([]);
      expectEvidenceIn(article, incidents);
    });

    it('a vulnerability story keeps the past breach it recalls, not the flaw', () => {
      const article = {
        title: 'Parcel service fixes portal flaw that exposed customer data',
        publishedAt: '2019-11-20',
        text:
          'A flaw in the tracking portal let any logged-in user look up other customers’ account details. ' +
          'The parcel service fixed the flaw on Monday after a researcher reported it. ' +
          'Swiftline Parcel has faced criticism before, after a 2016 hack exposed personal information on 300,000 employees.',
      };
      const incidents = extractIncidents(article);
      expect(incidents).toHaveLength(1);
      const [i] = incidents;
      expect(i.organization?.name).toBe('Swiftline Parcel');
      expect(i.breachDate?.value).toBe('2016');
      expect(i.affectedCount?.value).toBe(300_000);
      expect(types(i)).toEqual(['personal_info']);
      expectEvidenceIn(article, incidents);
    });

    it('recalls breaches named by their victim, as in "like the Acme breaches"', () => {
      const text =
        'Lawmakers published draft cloud rules on Tuesday. ' +
        'The rules follow incidents like the Dorrance Mail breaches, which exposed 900 million accounts. ' +
        'Firms would have a year to comply.';
      const incidents = extractIncidents({ title: null, publishedAt: '2019-03-01', text });
      expect(incidents.map((i) => [i.organization?.name, i.affectedCount?.value])).toEqual([['Dorrance Mail', 900_000_000]]);
    });

    it('ranks a recalled breach below the same breach reported as the story', () => {
      const recalled = extractIncidents({
        title: null,
        publishedAt: '2018-06-01',
        text: 'The ride-hailing firm named a new security chief on Monday. The hire comes a year after hackers stole data on 20 million Veloride users. The new chief starts in May.',
      });
      const reported = extractIncidents({
        title: 'Hackers stole data on 20 million Veloride users',
        publishedAt: '2018-06-01',
        text: 'Hackers stole data on 20 million Veloride users, the company said. The stolen data included names and email addresses of riders.',
      });
      expect(recalled.map((i) => i.organization?.name)).toEqual(['Veloride']);
      expect(reported[0].organization?.name).toBe('Veloride');
      expect(recalled[0].confidence).toBeLessThan(reported[0].confidence);
    });

    it('recalls a leak of data named as the victim’s own', () => {
      const text =
        'The worm spread to thousands of hospitals within hours on Friday. ' +
        'Experts say it uses a tool that became public when Talvor Agency documents were leaked online last year. ' +
        'Hospitals were told to patch their systems.';
      const incidents = extractIncidents({ title: null, publishedAt: '2019-03-01', text });
      expect(incidents.map((i) => i.organization?.name)).toEqual(['Talvor Agency']);
    });

    it('recalls a theft named with the fields taken', () => {
      const text =
        'A new survey finds that most retailers still store card data longer than they need to. ' +
        'Last year hackers stole the card numbers of Pellham Outfitters shoppers from its checkout servers. ' +
        'The survey authors recommend deleting card data after each sale.';
      const [i, ...rest] = extractIncidents({ title: null, publishedAt: '2019-03-01', text });
      expect(rest).toEqual([]);
      expect(i.organization?.name).toBe('Pellham Outfitters');
      expect(types(i)).toEqual(['payment_card']);
    });

    it.each([
      ['breaches in general', 'Data breaches are on the rise, and a breach could expose the records of millions of people. Experts urge firms to encrypt customer data. Patching remains the best defence.'],
      ['an intrusion with only a date', 'The vendor shipped a patch on Tuesday. In March 2018, attackers breached the network of Corvale Health. The patch also fixes a memory leak.'],
      ['a denial', 'The firm patched the router flaw last week. Corvale Health said no patient records were stolen from its servers. Users should update now.'],
    ])('%s yields no incident', (_name, text) => {
      expect(extractIncidents({ title: null, publishedAt: '2019-03-01', text })).toEqual([]);
    });
  });

  it('accepts an empty article and a timestamp publication date', () => {
    expect(extractIncidents({ title: null, publishedAt: null, text: '' })).toEqual([]);
    const [i] = extractIncidents({ title: 'Data breach at Tarnwell Bank', publishedAt: '2022-01-05T23:10:00+00:00', text: 'Tarnwell Bank said hackers stole customer data.' });
    expect(i.disclosedAt).toBe('2022-01-05');
  });

  it('ignores the publisher name appended to a headline', () => {
    const incidents = extractIncidents({
      title: 'Clinic chain Ardent Care confirms data breach - Security Ledger | Breach News',
      publishedAt: '2023-02-01',
      text: 'Ardent Care said attackers stole patient records from its billing server. The stolen records included names and diagnoses.',
    });
    expect(incidents.map((i) => i.organization?.name)).toEqual(['Ardent Care']);
  });

  it('is deterministic', () => {
    expect(extractIncidents(ONEPLUS_ARTICLE)).toEqual(extractIncidents(ONEPLUS_ARTICLE));
  });
});

describe('exports', () => {
  it('names the extractor version and the organization key', () => {
    expect(EXTRACTOR_VERSION).toBe('breachfeed@0.1.0');
    expect(organizationKey('OnePlus Technology Co., Ltd.')).toBe('oneplus');
  });
});
