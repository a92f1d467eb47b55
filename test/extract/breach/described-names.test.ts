import { findDescribedNames } from '../../../src/extract/breach/described-names';

const namesIn = (s: string) => findDescribedNames(s).map((d) => d.name);

describe('findDescribedNames', () => {
  it('takes the name a descriptor introduces, whatever its spelling', () => {
    expect(namesIn('In 2021, the online chess platform 9moves suffered a data breach.')).toEqual(['9moves']);
    expect(namesIn('Last year the Norwegian recipe site kokebok.no was hacked.')).toEqual(['kokebok.no']);
    expect(namesIn('Records from the budgeting app wallyPay were posted online.')).toEqual(['wallyPay']);
    expect(namesIn('The Canadian knitting forum known as "Purl Loop" exposed its members.')).toEqual(['Purl Loop']);
    expect(namesIn('Data from Brazilian lender Fintrova was dumped on a forum.')).toEqual(['Fintrova']);
  });

  it('takes a lowercase name only when it is no English word and ends where a verb starts', () => {
    expect(namesIn('In May the travel booking site zimbo suffered a breach.')).toEqual(['zimbo']);
    expect(namesIn('Card data was stolen at several hotel chains, including two in Ohio.')).toEqual([]);
    expect(namesIn('The forum software was compromised.')).toEqual([]);
  });

  it('keeps names of several words, with ampersands and possessives inside', () => {
    expect(namesIn('Files of the fashion label Bright & Bold were leaked.')).toEqual(['Bright & Bold']);
    expect(namesIn('The energy retailer Farmer\'s Power suffered a breach.')).toEqual(["Farmer's Power"]);
  });

  it('reads a name after a modifier of the head, or an appositive', () => {
    expect(namesIn('The website dedicated to classic Amiga games Retrodisk suffered a breach.')).toEqual(['Retrodisk']);
    expect(namesIn('Emails from the shop for buying spare parts from Japan, Partzilla, were posted online.')).toEqual(['Partzilla']);
  });

  it('marks the descriptor, so that its own words are not taken for names', () => {
    const [d] = findDescribedNames('Hackers breached the Dutch Minecraft server Blokland last week.');
    expect(d.name).toBe('Blokland');
    expect('Hackers breached the Dutch Minecraft server Blokland last week.'.slice(d.descriptorStart, d.headEnd)).toBe('the Dutch Minecraft server');
  });

  it('finds no name where the head is not followed by one', () => {
    expect(namesIn('The Avalon gaming forum was hacked in 2016.')).toEqual([]);
    expect(namesIn('Data was posted to a popular hacking forum in March.')).toEqual([]);
  });
});
