import { isJunkLine } from '../../../src/extract/scrape/junk-lines';

describe('isJunkLine', () => {
  it.each(Object.entries({
    'icon sprite names glued together (seed weibo, first line)':
      'abusesaffiliationarrow-downarrow-leftarrow-rightarrow-upattack-typeburgerchevron-downchevron-leftchevron-rightchevron-upClock iconclosedelete',
    'share buttons': 'Facebook Twitter LinkedIn Email',
    'share buttons with separators': 'facebook | twitter | whatsapp',
    'ad label': 'ADVERTISEMENT',
    'continue label': 'Story continues below advertisement',
    'copyright notice': '© 2020 The Daily Ledger Ltd. All rights reserved.',
    'script placeholder': 'This slideshow requires JavaScript.',
    'unrendered shortcode': '[button link="http://x.test/submit" type="big"] Send us YOUR review[/button]',
  }))('junk: %s', (_, line) => {
    expect(isJunkLine(line)).toBe(true);
  });

  it.each(Object.entries({
    'an ordinary sentence': 'The company said payment card numbers were stored in a separate system.',
    'a sentence that starts with a label word': 'Advertisement spending fell by 4 percent in the third quarter, the agency said.',
    'a subheading': 'How the intruders got in',
    'Japanese prose (no spaces at all)': 'データ侵害の影響を受けたユーザーは約二百万人に上ると同社は発表した。',
    'a sentence naming social networks': 'She posted the photos on Facebook and Twitter before deleting both accounts.',
    'a long URL written out': 'https://example.test/reports/2019/annual-security-review-final-version.pdf',
  }))('kept: %s', (_, line) => {
    expect(isJunkLine(line)).toBe(false);
  });
});
