import { escapeHtml, highlight, html, linkableUrl, SafeHtml } from '../../src/api/web/html';

describe('html', () => {
  it('escapes every interpolated value, keeps SafeHtml, joins arrays and drops null, undefined and false', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(html`<p title="${'"quoted" & \'single\''}">${hostile}</p>`.value)
      .toBe('<p title="&quot;quoted&quot; &amp; &#39;single&#39;">&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html`${new SafeHtml('<b>kept</b>')}${['<a>', html`<i>${'&'}</i>`]}${null}${undefined}${false}${0}`.value)
      .toBe('<b>kept</b>&lt;a&gt;<i>&amp;</i>0');
  });

  it.each(Object.entries({
    'the exact phrase': ['In January 2018, OnePlus reported that credit card data for up to 40,000 of its users had been stolen.', 'up to 40,000 of its users',
      'In January 2018, OnePlus reported that credit card data for <mark>up to 40,000 of its users</mark> had been stolen.'],
    'another case': ['ONEPLUS said', 'OnePlus', '<mark>ONEPLUS</mark> said'],
    'a phrase that is not there': ['a <b> sentence', 'absent', 'a &lt;b&gt; sentence'],
    'markup in both': ['say <script> & <img>', '<img>', 'say &lt;script&gt; &amp; <mark>&lt;img&gt;</mark>'],
    'no phrase': ['text', null, 'text'],
  }))('highlight: %s', (_name, [sentence, phrase, expected]) => {
    expect(highlight(sentence as string, phrase).value).toBe(expected);
  });

  it('links only http(s) URLs', () => {
    expect(linkableUrl('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(linkableUrl('javascript:alert(1)')).toBeNull();
    expect(linkableUrl('data:text/html,<script>')).toBeNull();
    expect(linkableUrl(null)).toBeNull();
    expect(escapeHtml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
