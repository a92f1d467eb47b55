import { organizationKey } from '../../../src/extract/breach/organization-key';

describe('organizationKey', () => {
  it.each([
    ['OnePlus Technology Co., Ltd.', 'oneplus'],
    ['OnePlus', 'oneplus'],
    ['The Capital One Financial Corp.', 'capital-one-financial'],
    ['Capital One', 'capital-one'],
    ['NHS Ayrshire & Arran', 'nhs-ayrshire-and-arran'],
    ["Scotty's Brewhouse", 'scotty-brewhouse'],
    ['Scotty’s Brewhouse', 'scotty-brewhouse'],
    ['Société Générale S.A.', 'societe-generale'],
    ['U.S. Cellular', 'us-cellular'],
    ['InterContinental Hotels Group PLC', 'intercontinental-hotels'],
    ['Group', 'group'],
    ['DLH.net', 'dlh'],
    ['abta.com', 'abta'],
    ['Adult-FanFiction.Org', 'adult-fanfiction'],
    ['me.com', 'me'],
  ])('%s → %s', (name, key) => {
    expect(organizationKey(name)).toBe(key);
  });

  it('gives one key to the spellings of one name', () => {
    expect(organizationKey('WEIBO Corporation')).toBe(organizationKey('Weibo'));
  });

  it('is empty for a name with no letters or digits', () => {
    expect(organizationKey(' — ')).toBe('');
  });
});
