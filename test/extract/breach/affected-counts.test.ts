import { findAffectedCounts } from '../../../src/extract/breach/affected-counts';

const values = (s: string) => findAffectedCounts(s).map((c) => c.value);

describe('findAffectedCounts', () => {
  const counts: Record<string, [string, number, string | null, string]> = {
    'digits with a qualifier': ['Credit card data for up to 40,000 of its users had been stolen.', 40_000, 'up to', 'up to 40,000 of its users'],
    'a decimal with a scale word': ['The breach exposed 1.2 million records held by the insurer.', 1_200_000, null, '1.2 million records'],
    'a glued scale letter': ['Hackers are selling data on 538m Weibo users.', 538_000_000, null, '538m Weibo users'],
    'words': ['Half a million customers were told to reset their passwords after the leak.', 500_000, null, 'Half a million customers'],
    'patients with nearly': ['The clinic said nearly 3,000 patients were affected.', 3_000, 'nearly', 'nearly 3,000 patients'],
    'a possessive noun': ['The gang stole 30,000 workers’ details from the retailer.', 30_000, null, '30,000 workers'],
    'accounts': ['More than 700k accounts were dumped on a forum.', 700_000, 'more than', 'More than 700k accounts'],
    'a plural scale word': ['The dump holds 12.4 Millions Records of shoppers.', 12_400_000, null, '12.4 Millions Records'],
  };
  it.each(Object.entries(counts))('%s', (_name, [sentence, value, qualifier, text]) => {
    const [c] = findAffectedCounts(sentence);
    expect(c).toMatchObject({ value, qualifier, text });
    expect(sentence.slice(c.index, c.index + c.text.length)).toBe(c.text);
  });

  const distractors: Record<string, string> = {
    'monthly active users': 'Weibo had 516 million monthly active users at the end of December.',
    'a user base': 'The service, which has 200 million users, said it was investigating.',
    'users worldwide': 'The app counts 80 million users worldwide.',
    'money': 'The company paid $40,000 to the attackers and lost €2 million.',
    'a year': 'In 2018 users of the forum noticed the leak.',
    'a percentage': 'About 45 percent of ransomware attacks hit hospitals.',
    'a data size': 'The attackers took 900 GB of files.',
    'a phone number': 'Call 0300-123-2040 if you are one of the customers.',
    'counts of other things': 'Malware was found on 1,200 hotels and 300 stores.',
    'a vague amount': 'Millions of users were affected by the leak.',
    'a number in a product name': 'The scam targets companies that use Cloudmail 365 users and their inboxes.',
    'customers lost, not affected': 'The carrier lost 90,000 customers after the attack.',
    'a decimal with no scale word': 'The tool reached version 2.5 users said, with files dumped online.',
  };
  it.each(Object.entries(distractors))('rejects %s', (_name, sentence) => {
    expect(values(sentence)).toEqual([]);
  });

  it('marks counts tied to being affected', () => {
    const [c] = findAffectedCounts('Hackers stole personal details of 2 million customers.');
    expect(c.isAffected).toBe(true);
    expect(c.unit).toBe('people');
    expect(findAffectedCounts('The dump lists 9.4 million records.')[0].unit).toBe('records');
  });

  it('finds every count of a sentence, in order', () => {
    expect(values('Forums with 1.6 million accounts and 800,000 accounts were breached.')).toEqual([1_600_000, 800_000]);
  });

  it('tells a user base from an owner’s data that was exposed', () => {
    expect(values('The app has 12 million users across Europe.')).toEqual([]);
    expect(values('The app had 12 million email addresses exposed in the attack.')).toEqual([12_000_000]);
  });

  it('gives a number coordinated with another the noun they share', () => {
    expect(values('Attackers leaked 12 million and 40 million accounts in two raids.')).toEqual([12_000_000, 40_000_000]);
  });

  it('gives each item of a "<name> with <count>" list the noun of the first', () => {
    expect(values('The exposed firms include Arbor Bank with 12,400 records, Cole Mining with 9,310 and Dunmore Foods with 4,050.')).toEqual([12_400, 9_310, 4_050]);
    // Without a counted first item, a bare number after "with" is no count.
    expect(values('The shop was hit with 3 separate attacks, with 2 of them successful.')).toEqual([]);
  });
});
