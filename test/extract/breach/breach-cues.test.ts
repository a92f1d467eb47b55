import { findBreachCues, scoreBreachSentence } from '../../../src/extract/breach/breach-cues';

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
    'data handed to a scammer': 'A payroll clerk sent the W-2 forms of every employee to a scammer posing as the chief executive.',
  };
  it.each(Object.entries(reports))('reports a breach: %s', (_name, sentence) => {
    expect(scoreBreachSentence(sentence)).toBe(2);
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
  };
  it.each(Object.entries(notReports))('does not report a breach: %s', (_name, sentence) => {
    expect(scoreBreachSentence(sentence)).toBe(0);
  });

  it('counts present-tense and attributive uses as weak cues', () => {
    expect(scoreBreachSentence('The trojan steals contacts and SMS messages from infected phones.')).toBe(1);
    expect(scoreBreachSentence('Spam was sent from compromised machines in Brazil.')).toBeLessThanOrEqual(1);
  });

  it('gives each cue its verbatim text and offset', () => {
    const sentence = 'Hackers stole 40,000 card numbers, and the data breach went unnoticed.';
    const cues = findBreachCues(sentence);
    expect(cues.length).toBeGreaterThanOrEqual(2);
    for (const c of cues) expect(sentence.slice(c.index, c.index + c.text.length)).toBe(c.text);
    expect(cues.map((c) => c.text)).toEqual(['stole', 'data breach']);
  });
});
