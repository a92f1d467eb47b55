import { findBreachCues } from '../../../src/extract/breach/breach-cues';
import { splitSentences } from '../../../src/extract/breach/sentences';
import { buildVictimContext } from '../../../src/extract/breach/victim-context';
import { findVictimOrganizations } from '../../../src/extract/breach/victim-organizations';

// The extractor's own path: breach sentences with their cue strength, then the context.
function victimsOf(title: string | null, body: string): string[] {
  const sentences = splitSentences(body);
  const strengths = new Map<number, number>();
  for (const s of sentences) {
    const cues = findBreachCues(s.text);
    if (cues.length) strengths.set(s.index, Math.max(...cues.map((c) => c.strength)));
  }
  return findVictimOrganizations(buildVictimContext(title, sentences, strengths, body)).map((v) => v.name);
}

describe('findVictimOrganizations', () => {
  it('finds the company that suffered the breach', () => {
    const body = 'Smartphone maker Zentaro has suffered a data breach involving customer records. Zentaro said names and emails were taken.';
    expect(victimsOf(null, body)[0]).toBe('Zentaro');
  });

  it('does not take a corporate suffix for a name', () => {
    const body = 'Hackers stole customer records from an unprotected database belonging to Tamsin Audio, Inc., a sound studio.';
    const v = victimsOf(null, body);
    expect(v).toContain('Tamsin Audio');
    expect(v).not.toContain('Inc');
  });

  it('takes a name that names a breach for the victim, even one that looks like a person’s', () => {
    const body =
      'Hackers stole the member database of a dating site last week. ' +
      'The dump also held records from the 2014 Martha Quell data breach, researchers said.';
    expect(victimsOf(null, body)).toContain('Martha Quell');
  });

  it('does not take a name used as an adjective for a victim', () => {
    const body = 'Last year hundreds of Quillcart-based online shops were breached and card numbers were stolen from their checkout pages.';
    expect(victimsOf(null, body)).toEqual([]);
    expect(victimsOf(null, 'Quillcart was breached and card numbers were stolen from its checkout pages.')).toEqual(['Quillcart']);
  });

  it('prefers the victim over the security firm that found the leak', () => {
    const body =
      'Researchers at Kestrel Security discovered an unprotected database belonging to Harbor Freightways. ' +
      'The exposed database held 2 million customer records of Harbor Freightways, Kestrel Security said.';
    const v = victimsOf(null, body);
    expect(v).toContain('Harbor Freightways');
    expect(v).not.toContain('Kestrel Security');
  });

  it('does not take the regulator, the outlet or the reporter for a victim', () => {
    const body =
      'Hackers stole personal data of 40,000 Lumio customers, according to Reuters. ' +
      'The Information Commissioner said it was looking into the Lumio data breach.';
    expect(victimsOf(null, body)).toEqual(['Lumio']);
  });

  it('finds victims named as users of a service and as places data was taken from', () => {
    expect(victimsOf(null, 'Data on 538 million Quillo users was found for sale after a leak.')).toEqual(['Quillo']);
    expect(victimsOf(null, 'The gang stole payroll files from Dunmore County Council last week.')).toEqual(['Dunmore County Council']);
  });

  it('finds every company in a list of breached victims', () => {
    const body = 'The malware stole card data at several hotel chains, including Larkspur Hotels, Belmont Inns and Coastal Suites.';
    expect(victimsOf(null, body).sort()).toEqual(['Belmont Inns', 'Coastal Suites', 'Larkspur Hotels']);
  });

  it('uses the headline, but only names the body repeats', () => {
    const body = 'Orvane said on Monday that hackers had accessed customer records. Orvane is notifying users.';
    expect(victimsOf('Orvane Confirms Data Breach Affecting Customers', body)).toEqual(['Orvane']);
  });

  it('does not take a hacking group for a victim', () => {
    const body = 'The Ember Spider hacking group stole emails from the Valeria Party, the party said. Valeria Party officials confirmed the breach.';
    const v = victimsOf(null, body);
    expect(v).toContain('Valeria Party');
    expect(v).not.toContain('Ember Spider');
  });

  it('does not take the attacker named as subject of the theft for a victim', () => {
    const body = 'Last year, Grey Heron hacked into the Tarvo Athletics database and published medical records of athletes.';
    expect(victimsOf(null, body)).toEqual(['Tarvo Athletics']);
  });

  it('takes a regulator for a victim only when it is breached', () => {
    const body = 'The Federal Trade Commission said hackers stole card data from Pinecrest Outfitters. The retailer confirmed the data breach.';
    expect(victimsOf(null, body)).toEqual(['Pinecrest Outfitters']);
  });

  it('merges an organization with its acronym and its parenthetical short name', () => {
    const body = 'Hackers breached the Association of British Travel Agents (ABTA) web server. ABTA said 43,000 people were affected by the breach.';
    expect(victimsOf('ABTA hack exposes personal details', body)).toEqual(['ABTA']);
  });

  it('does not take nationalities, malware names or a lone generic word for victims', () => {
    const body = 'Turkish hackers stole customer records from Belfry Bank using the Quokka Ransomware. The Agency said the data breach hit 40,000 Belfry Bank customers.';
    expect(victimsOf(null, body)).toEqual(['Belfry Bank']);
  });

  it('names the organization by its full name when the text gives one', () => {
    const body = 'Harlow Dental Care has disclosed a data breach affecting 9,120 patients. Harlow said the intruder accessed patient records in March.';
    expect(victimsOf('Dentist Harlow confirms breach of patient records', body)).toEqual(['Harlow Dental Care']);
    expect(victimsOf(null, 'Hackers stole the customer records of Quentrix. Quentrix’s Kubernetes console was left without a password.')).toEqual(['Quentrix']);
  });

  it('returns nothing when no organization is named', () => {
    expect(victimsOf(null, 'Hackers stole the records of thousands of patients from a clinic. The clinic confirmed the data breach.')).toEqual([]);
  });

  it('reads a victim introduced by a descriptor, and not the descriptor’s own words', () => {
    const v = victimsOf(null, 'In 2019, the Dutch gaming forum Pixelhaven suffered a data breach. The breach exposed 40,000 email addresses.');
    expect(v).toEqual(['Pixelhaven']);
  });

  it('does not take forum software, hash functions or databases for the victim', () => {
    const body =
      'In 2017, the hobby forum Stampwise was hacked. The compromised vBulletin forum exposed 20,000 email addresses and passwords stored as MD5 hashes in a MongoDB instance.';
    expect(victimsOf(null, body)).toEqual(['Stampwise']);
  });

  it('takes the owner of what was exposed or the holder of a hosted database', () => {
    expect(victimsOf(null, 'In May, Brightline had 2 million email addresses and passwords exposed.')).toEqual(['Brightline']);
    expect(victimsOf(null, 'A researcher found an unprotected database hosted by marketing firm Leadcraft. It exposed 9 million records with names and job titles.')).toEqual(['Leadcraft']);
  });

  it('takes a finder’s descriptor for a finder, unless the name was itself breached', () => {
    expect(victimsOf(null, 'The security firm Vigilo discovered that hackers stole 3,000 patient records from Harbor Clinic.')).not.toContain('Vigilo');
    expect(victimsOf(null, 'The economic research company Datapoint Economics suffered a data breach that exposed 20,000 customer records.')).toEqual(['Datapoint Economics']);
  });

  it('keeps a headline name the body repeats in capitals, and a legal name joined by and', () => {
    expect(victimsOf('Harbor Goods falls victim to cyber attack', 'Card data was stolen in the breach HARBOR Goods disclosed on Monday.')).toContain('Harbor Goods');
    expect(victimsOf(null, 'Indian retailer Kesar Fashion and Retail Ltd was breached in May. Hackers stole 2 million records.')).toEqual(['Kesar Fashion and Retail Ltd']);
  });

  it('does not take a sentence’s first word that English knows as a common noun for a name', () => {
    expect(victimsOf(null, 'The shop Brindle suffered a data breach. Employee data was also dumped online.')).toEqual(['Brindle']);
  });

  it('keeps a camel-case brand even where the text also writes it in lowercase', () => {
    const body = 'Hackers accessed an exposed ToyPals database with 800,000 accounts. Many passwords were as weak as toypals or qwerty.';
    expect(victimsOf(null, body)).toEqual(['ToyPals']);
  });
});
