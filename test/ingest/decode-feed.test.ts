import iconv from 'iconv-lite';
import { decodeXml, refusedXmlReason, repairBareAmpersands, xmlDeclaredCharset } from '../../src/ingest/decode-feed';

describe('refusedXmlReason', () => {
  const cases: Record<string, [string, string | null]> = {
    'plain feed': ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', null],
    'external DOCTYPE (RSS 0.91)': ['<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>', null],
    'entity declarations': ['<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>', 'declares XML entities'],
    'external entity': ['<!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]><r>&x;</r>', 'declares XML entities'],
    'internal subset without entities': ['<!DOCTYPE r [ <!ELEMENT r ANY> ]><r/>', 'has a DOCTYPE with an internal subset'],
    'lowercase doctype with subset': ['<!doctype r [ <!element r any> ]><r/>', 'has a DOCTYPE with an internal subset'],
    'comment before the root': ['<!-- <!ENTITY in a comment is harmless> --><rss version="2.0"/>', null],
    'an article quoting <!ENTITY in CDATA is not refused': ['<rss version="2.0"><channel><item><description><![CDATA[XXE uses <!ENTITY x SYSTEM "file:///">]]></description></item></channel></rss>', null],
    'unterminated DOCTYPE': ['<!DOCTYPE r [ <!ENTITY a "b"', 'declares XML entities'],
  };
  it.each(Object.entries(cases))('%s', (_name, [xml, reason]) => expect(refusedXmlReason(xml)).toBe(reason));
});

describe('decodeXml', () => {
  const TITLE = '网络安全：数据泄露事件';
  const feed = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${TITLE}</title></channel></rss>`;

  it('reads the XML declaration when HTTP names no charset', () => {
    const { xml, charset } = decodeXml(iconv.encode(feed('GB18030'), 'gb18030'), 'application/rss+xml');
    expect(charset).toBe('gb18030');
    expect(xml).toContain(TITLE);
  });

  it('HTTP charset beats the declaration (RFC 7303)', () => {
    const { charset, xml } = decodeXml(iconv.encode(feed('ISO-8859-1'), 'gbk'), 'text/xml; charset=gbk');
    expect(charset).toBe('gb18030');
    expect(xml).toContain(TITLE);
  });

  it('a declaration the bytes contradict is set aside', () => {
    const { charset, xml } = decodeXml(Buffer.from(feed('windows-1252'), 'utf8'), 'application/xml');
    expect(charset).toBe('utf-8');
    expect(xml).toContain(TITLE);
  });

  it('xmlDeclaredCharset', () => {
    expect(xmlDeclaredCharset(Buffer.from("<?xml version='1.0' encoding='Big5'?><r/>"))).toBe('big5');
    expect(xmlDeclaredCharset(Buffer.from('<?xml version="1.0"?><r/>'))).toBeNull();
    expect(xmlDeclaredCharset(Buffer.from('<r><?xml encoding="gbk"?></r>'))).toBeNull();
  });
});

describe('repairBareAmpersands', () => {
  it.each([
    ['<t>AT&T and Q&A</t>', '<t>AT&amp;T and Q&amp;A</t>'],
    ['<t>a & b</t>', '<t>a &amp; b</t>'],
    ['<t>&amp; &lt; &#8217; &#x2019; &nbsp;</t>', '<t>&amp; &lt; &#8217; &#x2019; &nbsp;</t>'],
    ['<t><![CDATA[A & B]]> & </t>', '<t><![CDATA[A & B]]> &amp; </t>'],
    ['<link>http://a.test/?a=1&b=2</link>', '<link>http://a.test/?a=1&amp;b=2</link>'],
  ])('%s', (input, expected) => expect(repairBareAmpersands(input)).toBe(expected));
});
