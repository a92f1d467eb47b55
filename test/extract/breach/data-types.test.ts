import { findDataTypes, matchDataPhrases } from '../../../src/extract/breach/data-types';

const leakedTypes = (s: string) => [...new Set(findDataTypes(s).leaked.map((m) => m.type))].sort();
const notLeakedTypes = (s: string) => [...new Set(findDataTypes(s).notLeaked.map((m) => m.type))].sort();

describe('findDataTypes', () => {
  const cases: Record<string, [string, string[]]> = {
    'a list of fields': [
      'The exposed files held customer names, contact numbers, and email and shipping addresses.',
      ['address', 'email', 'name', 'phone'],
    ],
    'kinds of address sharing one noun': [
      'The leaked data included email and IP addresses, phone numbers and physical and postal addresses.',
      ['address', 'email', 'ip_address', 'phone'],
    ],
    'unique addresses are counted, not advice': [
      'The attackers took 4 million unique email addresses alongside usernames.',
      ['email', 'username'],
    ],
    'a bare email in a list': [
      'Each record held a username, email, and hashed password.',
      ['email', 'password', 'username'],
    ],
    'identity numbers and birth dates': [
      'Thieves copied Social Security numbers, dates of birth and driver’s licence numbers of 3,000 staff.',
      ['date_of_birth', 'government_id'],
    ],
    'credentials': ['The dump contains login credentials for the forum.', ['password', 'username']],
    'hashed passwords and usernames': ['Usernames and hashed passwords were posted to Pastebin.', ['password', 'username']],
    'card data': ['Card details, including expiry dates and CVV codes, were skimmed at checkout.', ['payment_card']],
    'W-2 forms': ['A scammer obtained W-2 forms for all 900 employees.', ['financial', 'government_id']],
    'medical records': ['Protected health information and lab results of patients were viewed.', ['medical']],
    'generic personal data': ['The hackers stole personal information of members.', ['personal_info']],
    'personal and financial data': ['Personal and financial data of borrowers may have been pilfered.', ['financial', 'personal_info']],
    'bare data words map to nothing': ['The attackers took data, files and records from the server.', []],
    'emails in a list of fields are addresses': ['The leak included names, emails, and phone numbers.', ['email', 'name', 'phone']],
    'leaked emails are messages': ['WikiLeaks published internal emails of the campaign.', ['communications']],
    'an umbrella word is not order history': ['Some of our users’ order information was accessed.', []],
    'a film is specific data': ['The hackers say they stole an unfinished film from the studio.', ['other']],
  };
  it.each(Object.entries(cases))('%s', (_name, [sentence, types]) => {
    expect(leakedTypes(sentence)).toEqual(types);
  });

  it('puts fields stated as safe in notLeaked, not in the leaked list', () => {
    const s = 'The company said that “payment information, passwords, and accounts are safe.”';
    expect(leakedTypes(s)).toEqual([]);
    expect(notLeakedTypes(s)).toEqual(['account', 'password', 'payment_card']);
  });

  it('handles "no X was taken" and "did not include X"', () => {
    expect(notLeakedTypes('No credit card numbers or passwords were taken, the bank said.')).toEqual(['password', 'payment_card']);
    expect(leakedTypes('The stolen records did not include Social Security numbers, but held names and addresses.')).toEqual(['address', 'name']);
    expect(notLeakedTypes('The stolen records did not include Social Security numbers, but held names and addresses.')).toEqual(['government_id']);
  });

  it('ignores advice and sending, which are not leaks', () => {
    expect(leakedTypes('Customers should change their passwords and use a strong password elsewhere.')).toEqual([]);
    expect(leakedTypes('The firm sent emails to users affected by the incident.')).toEqual([]);
  });

  it('returns the verbatim phrase of each mention', () => {
    const s = 'Exposed: full names, home addresses and IP addresses.';
    const phrases = matchDataPhrases(s);
    for (const p of phrases) expect(s.slice(p.start, p.end)).toBe(p.text);
    expect(phrases.map((p) => p.types)).toEqual([['name'], ['address'], ['ip_address']]);
  });

  describe('the means of access is not leaked data', () => {
    const cases: Record<string, [string, string[]]> = {
      'a staff mailbox reached by phishing': ['A phishing email gave the intruder access to a staff member’s email account and the patient names in it.', ['name']],
      'an employee account logged into': ['The attacker logged into an employee’s payroll account and downloaded tax forms.', ['financial']],
      'credentials of an employee': ['Using the stolen credentials of an employee, the gang copied customer lists.', ['personal_info']],
      'the attack named after its method': ['Tenants alerted after email account compromise at the housing office', []],
      'a remedy on the account': ['The school locked the account and reset the system.', []],
    };
    it.each(Object.entries(cases))('%s', (_name, [sentence, types]) => {
      expect(leakedTypes(sentence)).toEqual(types);
    });

    it('still reports the accounts of customers', () => {
      expect(leakedTypes('Hackers took over thousands of customer email accounts.')).toEqual(['account']);
    });
  });

  describe('a container listing its contents yields the contents', () => {
    it('drops the container', () => {
      expect(leakedTypes('The inbox held messages and attachments with donors’ names and bank account numbers.')).toEqual(['bank_account', 'name']);
      expect(leakedTypes('The archive contained emails containing home addresses of volunteers.')).toEqual(['address']);
    });

    it('keeps the messages when they are the leaked data', () => {
      expect(leakedTypes('The hackers published private messages of the board.')).toEqual(['communications']);
    });
  });

  it('counted accounts own the fields listed before them', () => {
    expect(leakedTypes('Attackers copied the usernames and hashed passwords of 52,000 accounts.')).toEqual(['password', 'username']);
  });

  it('leaves a field in an open question neither leaked nor denied', () => {
    const r = findDataTypes('The site lets anyone check whether their email addresses have been exposed, and it is unclear if card numbers were taken.');
    expect(r.leaked).toEqual([]);
    expect(r.notLeaked).toEqual([]);
  });
});
