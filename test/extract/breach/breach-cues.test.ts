import { findBreachCues, strongestCue } from '../../../src/extract/breach/breach-cues';

describe('findBreachCues', () => {
  const reports = {
    'a breach noun': 'The retailer confirmed a data breach affecting its loyalty programme.',
    'a passive breach verb with data': 'Customer records were stolen from the clinic’s billing server.',
    'an active breach verb with data': 'Attackers exfiltrated payroll files from the school district.',
    'hedged but reported': 'Names and addresses may have been accessed by an unauthorized party.',
    'exposure of an unsecured store': 'A misconfigured cloud bucket left 2 million voter records exposed online.',
    'data for sale': 'A seller offered the stolen database for sale on a dark web forum.',
    'unauthorized access': 'The insurer detected unauthorized access to its claims portal.',
    'managed to steal': 'The intruders managed to steal card numbers from the point-of-sale terminals.',
    'a bare infinitive after a perception verb': 'In 2019 the forum saw hackers release the records of 2 million members.',
    'a release of documents': 'The site’s release of internal agency documents angered officials.',
    'released with a count': 'The group released more than 8,000 documents taken from the agency.',
    'data pulled from servers': 'Some of the customer files were pulled from the vendor’s servers last year.',
    'data handed to a scammer': 'A payroll clerk sent the W-2 forms of every employee to a scammer posing as the chief executive.',
    'a flaw exploited to expose data': 'Last spring a bug in the portal was exploited to expose the records of 40,000 tenants.',
    'a claimed theft': 'The extortionists threatened to release a film they claim to have stolen from the studio.',
    'a theft of trade secrets': 'Prosecutors charged two engineers over the theft of trade secrets from the chipmaker.',
  };
  it.each(Object.entries(reports))('reports a breach: %s', (_name, sentence) => {
    expect(strongestCue(sentence)).toBe(2);
  });

  const notReports = {
    'a capability': 'The malware is designed to steal passwords from browsers.',
    'a conditional': 'If attackers exploited the flaw, they could steal session tokens.',
    'a modal': 'The bug would allow hackers to access customer data.',
    'a denial': 'The company said no customer data was stolen in the attack.',
    'no evidence': 'Investigators found no evidence that patient records were accessed.',
    'advice': 'Here is how to protect your passwords after a data breach.',
    'unrelated text': 'The quarterly results beat analyst expectations.',
    'a report name': 'The Data Breach Investigations Report counts phishing among the top threats.',
    'statistics released': 'The tax agency released data showing that phishing reports doubled last year.',
  };
  it.each(Object.entries(notReports))('does not report a breach: %s', (_name, sentence) => {
    expect(strongestCue(sentence)).toBe(0);
  });

  it('reads a hedged active "may have accessed" by its object, a hedged passive by its subject', () => {
    expect(strongestCue('Odd logins were found in payroll accounts, suggesting intruders may have accessed parts of the office network.')).toBe(1);
    expect(strongestCue('The review found intruders may have accessed payroll records of 300 staff.')).toBe(2);
    expect(strongestCue('Payroll records may have been accessed by the intruders.')).toBe(2);
  });

  it('marks what a flaw or product exposed, as subject or as means', () => {
    const [subject] = findBreachCues('A bug in the booking portal exposed the addresses of guests.');
    expect(subject).toMatchObject({ strength: 1, isFlaw: true });
    const [means] = findBreachCues('Some members’ profiles were exposed through an access-control bug in the forum.');
    expect(means).toMatchObject({ strength: 1, isFlaw: true });
    const [theft] = findBreachCues('Intruders exposed the addresses of guests on a paste site.');
    expect(theft.strength).toBe(2);
    expect(theft.isFlaw).toBeUndefined();
  });

  it('reads plural breaches that hit someone named as a report', () => {
    expect(strongestCue('Card breaches have also hit hotel chains Marlow Inns and Kestrel Suites.')).toBe(2);
    expect(strongestCue('Data breaches have hit companies in Europe hard this year.')).toBeLessThan(2);
  });

  it('reads a list of organizations that disclosed breaches as a report', () => {
    expect(strongestCue('Grocers that have disclosed card breaches this year include Fenmoor Markets and Oaklane Foods.')).toBe(2);
    expect(strongestCue('Card breaches are a growing worry for grocers.')).toBeLessThan(2);
  });

  it('reads the victims of an attack on data as a report, unless the data is denied', () => {
    expect(strongestCue('Forty of its motels were victims of a two-month cyber attack that sought to steal guest card data.')).toBe(2);
    expect(strongestCue('The town was a victim of the attack, and officials do not believe any customer data was stolen.')).toBe(1);
  });

  it('reads a site among compromised ones, data released to a forum, a published data set and data a site had published as reports', () => {
    expect(strongestCue('In 2019, Quorva was among a batch of compromised gaming forums sold online.')).toBe(2);
    expect(strongestCue('Data from several breached shops including Brellow was released to a hacking forum.')).toBe(2);
    expect(strongestCue('A hacktivist crew published over 20GB of data it said came from the courier.')).toBe(2);
    expect(strongestCue('In 2016, the forum had internal data on 30k members published via a tabloid.')).toBe(2);
  });

  it('does not take a memory leak for a data leak', () => {
    expect(strongestCue('The update fixes a memory leak in the image decoder.')).toBe(0);
    expect(strongestCue('The insurer is still investigating the leak.')).toBe(2);
  });

  it('counts present-tense and attributive uses as weak cues', () => {
    expect(strongestCue('The trojan steals contacts and SMS messages from infected phones.')).toBe(1);
    expect(strongestCue('Spam was sent from compromised machines in Brazil.')).toBeLessThanOrEqual(1);
  });

  it('gives each cue its verbatim text and offset', () => {
    const sentence = 'Hackers stole 40,000 card numbers, and the data breach went unnoticed.';
    const cues = findBreachCues(sentence);
    expect(cues.length).toBeGreaterThanOrEqual(2);
    for (const c of cues) expect(sentence.slice(c.index, c.index + c.text.length)).toBe(c.text);
    expect(cues.map((c) => c.text)).toEqual(['stole', 'data breach']);
  });

  describe('context that keeps a cue from reporting a breach', () => {
    const unreported = {
      'a conditional clause running to its comma': 'If there is any sign that subscriber records were accessed, the clinic will write to every family.',
      'a feared outcome': 'The outage prompted fears among parents that pupil files may have been copied.',
      'a counterfactual flaw': 'An intruder could have gained access to any tenant’s invoices through the faulty login page.',
      'exposure to a threat': 'Thousands of shop servers were exposed to a critical injection vulnerability.',
      'a victim of ransomware': 'The county library was the victim of a ransomware attack on Monday.',
    };
    it.each(Object.entries(unreported))('%s', (_name, sentence) => {
      expect(strongestCue(sentence)).toBe(0);
    });

    it('a modal governs its whole clause', () => {
      expect(strongestCue('Once infected, shoppers could see their personal and banking details leaked to the gang.')).toBe(0);
      // A relative clause under the modal is a report of its own.
      expect(strongestCue('The clinic will write to the 3,000 patients whose records were accessed.')).toBe(2);
      expect(strongestCue('The bank will call customers whose card numbers were stolen.')).toBe(2);
      expect(strongestCue('It will alert users whose data was stolen.')).toBe(2);
      expect(strongestCue('When the outage began, staff took to social media to warn customers about the website.')).toBe(0);
    });

    it('what a flaw made reachable is a weak cue', () => {
      expect(strongestCue('The vendor fixed a flaw in its portal that exposed the tax records of tenants.')).toBe(1);
      expect(strongestCue('An intruder exposed the tax records of tenants.')).toBe(2);
    });

    it('data taken from people by deceit is phishing, a weak cue', () => {
      expect(strongestCue('The gang harvested banking passwords through fake login pages sent by text message.')).toBe(1);
      expect(strongestCue('The gang harvested banking passwords from the lender’s own servers.')).toBe(2);
    });

    it('a suspected intrusion into systems, with no data named, is a weak cue', () => {
      expect(strongestCue('Investigators said intruders may have accessed parts of the clinic’s network.')).toBe(1);
      expect(strongestCue('Investigators said intruders may have accessed patient files on the clinic’s network.')).toBe(2);
    });

    it('a data noun under a denial does not make an attack a data breach', () => {
      expect(strongestCue('The town was victim to the attack, and officials do not believe any resident records were taken.')).toBeLessThanOrEqual(1);
      expect(strongestCue('The town was victim to the attack, and officials said resident records were taken.')).toBe(2);
    });

    it('data obtained by criminals is a report; by a newspaper, not', () => {
      expect(strongestCue('Records of 9,000 tenants were obtained by fraudsters in March.')).toBe(2);
      expect(strongestCue('Emails obtained by the newspaper show the plan was discussed.')).toBe(0);
    });

    it('a victim of phishing reports a breach only when data is named', () => {
      expect(strongestCue('Dozens of firms have fallen victim to a phishing scam this spring.')).toBe(0);
      expect(strongestCue('Dozens of firms have fallen victim to W-2 phishing scams this spring.')).toBe(2);
    });

    it('a denied telling presupposes the breach', () => {
      expect(strongestCue('Nurses still have not been told about the breach, which took place in May.')).toBe(2);
      expect(strongestCue('The council said there was no breach of its systems.')).toBe(0);
    });

    it('still reports a hedged "could have been" passive', () => {
      expect(strongestCue('Names and tax numbers could have been accessed by the intruder.')).toBe(2);
    });

    it('a clause after the conditional one is a report again', () => {
      expect(strongestCue('While staff checked whether backups were intact, the intruders stole payroll files.')).toBe(2);
    });
  });

  it('weakens participles that modify a noun other than data', () => {
    expect(strongestCue('Investigators traced the calls to a hacked baby monitor in the nursery.')).toBeLessThanOrEqual(1);
    expect(strongestCue('The botnet grew through more compromised smart cameras last week.')).toBeLessThanOrEqual(1);
    expect(strongestCue('Fraudsters often use a bank’s compromised server to move money.')).toBeLessThanOrEqual(1);
    // A participle before a data noun presupposes the theft.
    expect(strongestCue('Buyers on the forum paid for the stolen records in bitcoin.')).toBe(2);
  });

  it('a breach noun for a lock-out, or files encrypted in place, is a weak cue', () => {
    expect(strongestCue('The clinic suffered a breach on Sunday, which it later called a ransomware attack.')).toBe(1);
    expect(strongestCue('The worm was downloaded and began encrypting the files of every office.')).toBeLessThanOrEqual(1);
    expect(strongestCue('The clinic suffered a data breach on Sunday before the ransomware struck.')).toBe(2);
  });

  it('weakens a tally over a whole sector', () => {
    expect(strongestCue('Last year 40 million patient records were exposed across all hospitals in the region.')).toBe(1);
    expect(strongestCue('Last year 40 million patient records were exposed at the regional hospital.')).toBe(2);
  });

  it('weakens a bare hack of systems in a ransomware or defacement story', () => {
    expect(strongestCue('The council’s servers were hacked and encrypted by ransomware overnight.')).toBe(1);
    expect(strongestCue('The gang hacked the council’s servers, stole tenant records and then deployed ransomware.')).toBe(2);
  });

  it('reads a finding that data was leaking as a report, and a cyber attack on a database as a suggestion', () => {
    expect(strongestCue('The fitness app was found to be leaking the personal information of its users.')).toBe(2);
    expect(strongestCue('The app is leaking battery life.')).toBe(0);
    expect(strongestCue('Its claims database had been the target of a cyber attack.')).toBe(1);
  });
});
