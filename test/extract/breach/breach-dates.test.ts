import { findDateMentions } from '../../../src/extract/breach/breach-dates';

const events = (s: string, published: string | null) =>
  findDateMentions(s, published).filter((d) => d.role === 'event').map((d) => [d.value, d.precision, d.text]);

describe('findDateMentions', () => {
  it('reads absolute dates at the precision the words support', () => {
    expect(events('In January 2018, OnePlus reported that card data had been stolen.', null)).toEqual([['2018-01', 'month', 'In January 2018']]);
    expect(events('The intrusion began on Nov. 21, 2016, investigators said.', '2017-02-01')).toEqual([['2016-11-21', 'day', 'on Nov. 21, 2016']]);
    expect(events('The forum was breached in 2015.', '2017-02-01')).toEqual([['2015', 'year', 'in 2015']]);
    expect(events('Data from the 2014 breach resurfaced.', '2017-02-01')).toEqual([['2014', 'year', '2014']]);
    expect(events('Hackers broke in late 2013 and stayed for months.', '2017-02-01')).toEqual([['2013', 'year', 'late 2013']]);
  });

  it('resolves relative dates against the publication date', () => {
    expect(events('Attackers stole the records last month.', '2019-03-14')).toEqual([['2019-02', 'month', 'last month']]);
    expect(events('The servers were breached on Tuesday.', '2019-03-14')).toEqual([['2019-03-12', 'day', 'on Tuesday']]);
    expect(events('The site was hacked last year.', '2019-03-14')).toEqual([['2018', 'year', 'last year']]);
    expect(events('The leak happened five months ago.', '2019-03-14')).toEqual([['2018-10', 'month', 'five months ago']]);
  });

  it('takes a month without a year as the last one before publication', () => {
    expect(events('The breach occurred in September.', '2017-02-09')).toEqual([['2016-09', 'month', 'in September']]);
  });

  it('takes a range at its start, with the year the end states', () => {
    expect(events('Card data was stolen between April and September of this year.', '2018-11-09')[0]).toEqual(['2018-04', 'month', 'between April']);
    expect(events('Malware ran between May 13 and July 29, 2017 on the tills.', '2019-02-14')[0]).toEqual(['2017-05-13', 'day', 'between May 13']);
  });

  it('gives a month without a year the one year its sentence states', () => {
    expect(events('In 2017, attackers were inside the network between May 13 and July 29.', '2019-02-14')).toEqual([
      ['2017', 'year', 'In 2017'],
      ['2017-05-13', 'day', 'between May 13'],
    ]);
  });

  it('drops relative dates when there is no publication date', () => {
    expect(events('Attackers stole the records last month.', null)).toEqual([]);
  });

  it('marks dates of announcements and discoveries as disclosure', () => {
    const said = findDateMentions('The company said on Monday that hackers stole customer data.', '2017-05-16');
    expect(said.map((d) => [d.value, d.role])).toEqual([['2017-05-15', 'disclosure']]);
    const headed = findDateMentions('On February 28, the ministry disclosed that personal data was stolen.', '2017-03-06');
    expect(headed.map((d) => [d.value, d.role])).toEqual([['2017-02-28', 'disclosure']]);
    const announced = findDateMentions('Yahoo announced the hack in September 2016.', '2017-01-10');
    expect(announced.map((d) => d.role)).toEqual(['disclosure']);
  });

  it('marks the dates of informing and contacting people as disclosure', () => {
    const informed = findDateMentions('The chain began informing guests of the data breach last week.', '2018-07-10');
    expect(informed.map((d) => d.role)).toEqual(['disclosure']);
    const contacted = findDateMentions('The researcher tried contacting the toy maker in late December.', '2017-02-28');
    expect(contacted.map((d) => d.role)).toEqual(['disclosure']);
    expect(events('The stolen coins were worth $600,000 as of mid-April.', '2017-06-16')).toEqual([]);
  });

  it('marks dates of discovery apart from announcements', () => {
    const found = findDateMentions('The clinic said it discovered the intrusion on March 5.', '2019-04-02');
    expect(found.map((d) => [d.value, d.role])).toEqual([['2019-03-05', 'discovery']]);
  });

  it('a month heading a clause about a finding dates the finding', () => {
    const found = findDateMentions('In March of 2016, a researcher discovered that the clinic’s portal had been compromised.', '2017-01-20');
    expect(found.map((d) => [d.value, d.role])).toEqual([['2016-03', 'discovery']]);
    const back = findDateMentions('Back in January, the analyst found a similar app that stole bank passwords.', '2017-03-15');
    expect(back.map((d) => [d.value, d.role])).toEqual([['2017-01', 'discovery']]);
    // A report heading the clause still frames the story and dates the breach.
    expect(events('In January 2018, the retailer reported that card data had been stolen.', '2019-11-22')).toEqual([['2018-01', 'month', 'In January 2018']]);
  });

  it('a heading date keeps its verb across an aside', () => {
    const d = findDateMentions('On Thursday, March 16, the owner of Calder Works — a payroll firm with offices in four states — told staff their tax forms were taken.', '2017-03-17');
    expect(d.map((x) => x.role)).toEqual(['disclosure']);
    const during = findDateMentions('During the morning of February 6, 2017, a nurse discovered that the servers were encrypted.', '2017-04-04');
    expect(during.map((x) => x.role)).toEqual(['discovery']);
  });

  it('ignores a date that names another event', () => {
    expect(events('The gang hoped to sway the November election with the stolen emails.', '2017-04-03')).toEqual([]);
    expect(events('After the site’s March 21 report, rumours of a breach spread.', '2017-03-23')).toEqual([]);
  });

  it('dates the event when a breach verb stands between the statement and the date', () => {
    const d = findDateMentions('Tixly said hackers broke into its systems on Tuesday and copied customer data.', '2025-06-12');
    expect(d.map((x) => [x.value, x.role])).toEqual([['2025-06-10', 'event']]);
  });

  it('ignores durations, vague spans, bylines and future dates', () => {
    expect(events('The attackers had access for three months.', '2017-01-10')).toEqual([]);
    expect(events('Breaches have risen over the past few years.', '2017-01-10')).toEqual([]);
    expect(events('“Regulator Probes Weibo Data Breach”, 25 March 2020', '2020-03-27')).toEqual([]);
    expect(events('The breach will be reviewed in 2030.', '2017-01-10')).toEqual([]);
    expect(events('Support is available 24/7 for affected users.', '2017-01-10')).toEqual([]);
  });

  it('tells the date a breach goes back to, and when the data merely surfaced', () => {
    const roles = (s: string) => findDateMentions(s, '2020-01-01').map((d) => [d.value, d.role]);
    expect(roles('In May 2019, the retailer found a breach dating back to March 2018.')).toEqual([['2019-05', 'discovery'], ['2018-03', 'origin']]);
    expect(roles('In 2019, the stolen data appeared for sale on a dark web market.')).toEqual([['2019', 'surfaced']]);
    expect(roles('In June 2019, a database of the shop was posted to a hacking forum.')).toEqual([['2019-06', 'surfaced']]);
    expect(roles('In approximately March 2017, the forum was hacked.')).toEqual([['2017-03', 'event']]);
    expect(roles('The data later appeared for sale in June 2019 on a market.')).toEqual([['2019-06', 'surfaced']]);
    expect(roles('The records were later leaked in 2019.')).toEqual([['2019', 'surfaced']]);
    expect(roles('The database had been exposed since October 2018.')).toEqual([['2018-10', 'origin']]);
  });

  it('does not date a breach by a date that owns another noun, or by last week heading an announcement', () => {
    expect(events("Since last year's revelation of the theft, banks have tightened controls.", '2017-06-01')).toEqual([]);
    expect(events('Last week the newspaper reported that a vendor sold the accounts.', '2017-06-01')).toEqual([]);
  });
  it('dates a statement, not the breach, by a month without its year heading "X said"', () => {
    const roles = (s: string) => findDateMentions(s, '2017-04-20').map((d) => [d.value, d.role]);
    expect(roles('In February, the hotel chain said it had been the victim of a card skimming attack.')).toEqual([['2017-02', 'disclosure']]);
    // With its year, the month frames the story and dates the breach.
    expect(roles('In January 2016, the hotel chain said card data had been stolen.')).toEqual([['2016-01', 'event']]);
    // A breach verb before the statement keeps the date the breach's.
    expect(roles('In February, hackers stole card data from the hotel chain, the company said.')).toEqual([['2017-02', 'event']]);
    expect(roles('On Tuesday, hackers broke into the servers, the firm said.')).toEqual([['2017-04-18', 'event']]);
  });

  it('does not date a breach by a handover, an attempt to reach the victim or a multi-year tally', () => {
    expect(events('The researcher, who was given a copy of the stolen files last week, cracked most of the passwords.', '2017-03-01')).toEqual([]);
    expect(events('A second researcher found the open database and tried to contact the company in late December.', '2017-03-01')).toEqual([]);
    expect(events('Over a five-year period from 2011 to 2016, the regulator received 400 breach reports.', '2017-03-01')).toEqual([]);
  });

  it('does not date a data breach by the date of a ransomware outbreak or outage', () => {
    expect(findDateMentions('The gang was also behind the ransomware outbreak in June that froze the port.', '2019-11-01')).toEqual([]);
    expect(findDateMentions('Investigators linked them to the ransomware attack that crippled the council’s network in March.', '2019-11-01')).toEqual([]);
    expect(events('The same gang stole patient records in March.', '2019-11-01')).toEqual([['2019-03', 'month', 'in March']]);
    // A ransomware attack said to have taken data is a breach.
    expect(events('The ransomware attack in March exposed the records of 4,000 patients.', '2019-11-01')).toEqual([['2019-03', 'month', 'in March']]);
  });

  it('does not date a breach by a tally over many organizations or breaches', () => {
    expect(findDateMentions('More than 300 companies have already fallen victim to payroll scams in 2018.', '2018-06-01')).toEqual([]);
    expect(findDateMentions('Hundreds of hospitals reported breaches in 2017, the survey found.', '2018-06-01')).toEqual([]);
    expect(events('In 2017, hackers stole the records of 3 hospitals in the region.', '2018-06-01')).toEqual([['2017', 'year', 'In 2017']]);
  });

  it('reads how far back a breach goes with the span in between, and data distributed or circulated as surfacing', () => {
    const roles = (s: string) => findDateMentions(s, '2024-01-10').map((d) => [d.value, d.role]);
    expect(roles('The shop later said the breach dated back 5 years to June 2018.')).toEqual([['2018-06', 'origin']]);
    expect(roles('Members suspect the data may date back 7 years to 2016.')).toEqual([['2016', 'origin']]);
    expect(roles('In May 2023, 3M records scraped from the app were widely distributed on a forum.')).toEqual([['2023-05', 'surfaced']]);
    expect(roles('In October 2023, 12GB of data from the retailer was circulated.')).toEqual([['2023-10', 'surfaced']]);
  });

  it('does not date a breach by the life of a piece of malware', () => {
    expect(findDateMentions('The tool reuses code from Grimlock, a banking trojan family that was active around 2-3 years ago.', '2019-06-01')).toEqual([]);
    expect(findDateMentions('The Grimlock trojan first appeared in 2015 on hacking forums.', '2019-06-01')).toEqual([]);
    // Malware active on a victim's systems dates that breach.
    expect(events('The malware was active on the tills from May 2018 until it was found.', '2019-06-01')).toEqual([['2018-05', 'month', 'from May 2018']]);
  });
});
