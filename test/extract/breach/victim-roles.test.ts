import { findNameMentions } from '../../../src/extract/breach/name-mentions';
import { scoreVictimRole, shareListRoles } from '../../../src/extract/breach/victim-roles';

function roleOf(sentence: string, name: string): number {
  const start = sentence.indexOf(name);
  return scoreVictimRole(sentence, start, start + name.length, name);
}

describe('scoreVictimRole', () => {
  it.each([
    ['Lumio has suffered a data breach affecting its customers.', 'Lumio'],
    ['The Ferrow Clinic was hacked last spring.', 'Ferrow Clinic'],
    ['Data on 2 million Quillo users was found for sale.', 'Quillo'],
    ['Hackers stole payroll files from Dunmore Council.', 'Dunmore Council'],
    ['Investigators are still studying the breach at Marwick Foods.', 'Marwick Foods'],
    ['Nordale admitted that attackers had accessed its billing system.', 'Nordale'],
    ['Kestrel Security was breached in May, the company said.', 'Kestrel Security'],
    ['The largest breach was from Ardent Mail, with 900 million accounts.', 'Ardent Mail'],
    ['Corvell Freight has faced lawsuits ever since, after a 2015 hack exposed driver records.', 'Corvell Freight'],
    ['Tamber Bank paid a record fine following the breach.', 'Tamber Bank'],
    ['Emails leaked after a hack—allegedly by a foreign service—of the Harrow Party last year.', 'Harrow Party'],
    ['In May, Brellow had 3 million email addresses and passwords exposed.', 'Brellow'],
    ['An open server hosted by data broker Pivotline held 9 million records.', 'Pivotline'],
    ['Vantor Health, which left patient files exposed on a public server, apologised.', 'Vantor Health'],
    ['Olvey Games in Spain and Portugal was hacked last week.', 'Olvey Games'],
    ['The largest share belongs to the Ministry of Fisheries, with 41,200 staff records exposed in the dump.', 'Ministry of Fisheries'],
    ['It is followed by Harlow Freight with 18,000 leaked employee records.', 'Harlow Freight'],
    ['Next comes the Office of Rural Roads (ORR) with 9,500 leaked staff records.', 'Office of Rural Roads'],
    ['In 2019, the Harbour Quest website produced by Tidewell Games suffered a data breach.', 'Tidewell Games'],
    ['Hackers reached the exposed Toybears’ database in January.', 'Toybears'],
    ['The forum was among a dozen compromised sites sold online, and Quarrel Board was among the hacked sites.', 'Quarrel Board'],
  ])('a victim: %s', (sentence, name) => {
    expect(roleOf(sentence, name)).toBe(3);
  });

  it.each([
    ['Customer records were exposed, according to Reuters.', 'Reuters'],
    ['Researchers at Kestrel Security found the exposed database.', 'Kestrel Security'],
    ['Grey Heron hacked into the athletics database.', 'Grey Heron'],
    ['The Brume hacking group stole the emails.', 'Brume'],
    ['Symantec said attackers stole data from the retailer.', 'Symantec'],
    ['Researcher Mira Olsen from the Tallow Institute found the open database.', 'Tallow Institute'],
    ['The crew known as Night Marten (NM) dumped the files online.', 'NM'],
    ['The files were posted by data breach monitoring service Vigilante.pw.', 'Vigilante.pw'],
    ['The leaked data sat in a MongoDB instance.', 'MongoDB'],
  ])('not a victim: %s', (sentence, name) => {
    expect(roleOf(sentence, name)).toBeLessThan(0);
  });

  it('does not take the keeper of a breach portal for a victim', () => {
    expect(roleOf('The Health Office’s data breach portal lists 5,000 affected patients.', 'Health Office')).toBe(1);
    expect(roleOf('The Health Office’s data breach affected 5,000 patients.', 'Health Office')).toBe(3);
  });

  it('reads a breach noun as a noun, not as the verb that breaches the name after it', () => {
    expect(roleOf('The shop self-submitted the breach to Leakwatch last month.', 'Leakwatch')).toBe(1);
  });

  it('does not take the source of a report for the victim', () => {
    expect(roleOf('Clinic Data Breach Revealed in Harlow Labs Report', 'Harlow Labs')).toBeLessThan(3);
  });

  it('does not take the publisher of data from another’s breach for the victim', () => {
    expect(roleOf('Leakwire published the party’s emails following a hack of the campaign.', 'Leakwire')).toBeLessThan(3);
  });

  it('does not take a hacker group introduced by name for the victim', () => {
    expect(roleOf('A hacking crew known as Grey Lantern leaked the studio’s unreleased episodes.', 'Grey Lantern')).toBeLessThan(0);
    expect(roleOf('The extortion group calling itself Nightjar dumped the files online.', 'Nightjar')).toBeLessThan(0);
  });

  it('does not take malware, its victims or a network protocol for the victim', () => {
    expect(roleOf('Files stolen from Spectrelink victims were found on the server.', 'Spectrelink')).toBeLessThan(0);
    expect(roleOf('Researchers say the Spectrelink malware stole browser passwords.', 'Spectrelink')).toBeLessThan(0);
    expect(roleOf('The FTP credentials were stolen from the server.', 'FTP')).toBeLessThan(3);
    expect(roleOf('The attackers breached the vBulletin MySQL database behind the forum.', 'vBulletin MySQL')).toBeLessThan(3);
  });

  it('gives a plain mention the neutral score', () => {
    expect(roleOf('Malware stole data from many shops, and Ostra was among the brands named.', 'Ostra')).toBe(1);
  });
});

describe('shareListRoles', () => {
  it('gives every name in an introduced list the victim role', () => {
    const sentence = 'The attack hit hotel chains including Larkspur Hotels, Belmont Inns and Coastal Suites.';
    const scored = findNameMentions(sentence).map((m) => ({ m, s: 1 as number | null }));
    shareListRoles(sentence, scored);
    expect(scored.map((x) => [x.m.name, x.s])).toEqual([
      ['Larkspur Hotels', 3],
      ['Belmont Inns', 3],
      ['Coastal Suites', 3],
    ]);
  });

  it('lets one unnamed item open an introduced list', () => {
    const sentence = 'Other clients hit by the breach include a law firm, Norland County, Amber Trust and Fenwick Dental.';
    const scored = findNameMentions(sentence).map((m) => ({ m, s: 1 as number | null }));
    shareListRoles(sentence, scored);
    expect(scored.filter((x) => x.s === 3).map((x) => x.m.name)).toEqual(['Norland County', 'Amber Trust', 'Fenwick Dental']);
  });

  it('keeps a list whose names carry their domains in parentheses', () => {
    const sentence = 'Clients hit include a law firm, Norland County (norland.ca), Amber Trust (ambertrust.org) and Fenwick Dental.';
    const scored = findNameMentions(sentence).map((m) => ({ m, s: 1 as number | null }));
    shareListRoles(sentence, scored);
    expect(scored.filter((x) => x.s === 3).map((x) => x.m.name)).toEqual(['Norland County', 'norland.ca', 'Amber Trust', 'ambertrust.org', 'Fenwick Dental']);
  });

  it('leaves names outside a list alone', () => {
    const sentence = 'Ostra said Belmont was fine.';
    const scored = findNameMentions(sentence).map((m) => ({ m, s: 1 as number | null }));
    shareListRoles(sentence, scored);
    expect(scored.map((x) => x.s)).toEqual([1, 1]);
  });
});
