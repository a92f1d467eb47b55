import iconv from 'iconv-lite';
import { decodeHtml, metaCharset } from '../../src/ingest/decode-html';

const CHINESE = '微博数据泄露：超过五亿三千八百万用户的个人信息在暗网出售，包括手机号码和性别。';
const TRADITIONAL = '資料外洩事件：駭客竊取了數百萬名用戶的個人資料，包括姓名與電子郵件地址。';
const JAPANESE = '個人情報の流出が確認されました。氏名、住所、電話番号を含む約百万人分のデータです。';
const FRENCH = 'Fuite de données : la société a confirmé que les coordonnées « bancaires » n’ont pas été dérobées — résumé.';

function page(text: string, metaTag = ''): string {
  return `<!doctype html><html><head>${metaTag}<title>t</title></head><body><p>${text}</p></body></html>`;
}

type Case = { bytes: Buffer; contentType?: string | null; charset: string; text: string };

const cases: Record<string, Case> = {
  'GBK via HTTP header': {
    bytes: iconv.encode(page(CHINESE), 'gbk'),
    contentType: 'text/html; charset=GBK',
    charset: 'gb18030',
    text: CHINESE,
  },
  'GB2312 label in <meta http-equiv> decodes as the GB18030 superset': {
    bytes: iconv.encode(page(CHINESE, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gb18030'),
    contentType: 'text/html',
    charset: 'gb18030',
    text: CHINESE,
  },
  'Big5 via <meta charset>': {
    bytes: iconv.encode(page(TRADITIONAL, '<meta charset="big5">'), 'big5'),
    charset: 'big5',
    text: TRADITIONAL,
  },
  'Shift_JIS via header with quoted charset': {
    bytes: iconv.encode(page(JAPANESE), 'shift_jis'),
    contentType: 'text/html; charset="Shift_JIS"',
    charset: 'shift_jis',
    text: JAPANESE,
  },
  'windows-1252 declared as ISO-8859-1 (curly quotes live in the 0x80-0x9F range)': {
    bytes: iconv.encode(page(FRENCH), 'windows-1252'),
    contentType: 'text/html; charset=iso-8859-1',
    charset: 'windows-1252',
    text: FRENCH,
  },
  'UTF-8 BOM beats a wrong header': {
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(CHINESE), 'utf8')]),
    contentType: 'text/html; charset=windows-1252',
    charset: 'utf-8',
    text: CHINESE,
  },
  'UTF-16LE with BOM': {
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(JAPANESE), 'utf-16le')]),
    charset: 'utf-16le',
    text: JAPANESE,
  },
  'UTF-16BE declared in the header, no BOM': {
    bytes: iconv.encode(page(FRENCH), 'utf-16be'),
    contentType: 'text/html; charset=UTF-16BE',
    charset: 'utf-16be',
    text: FRENCH,
  },
  'missing charset, GBK bytes: detected': {
    bytes: iconv.encode(page(CHINESE.repeat(3)), 'gbk'),
    contentType: 'text/html',
    charset: 'gb18030',
    text: CHINESE,
  },
  'missing charset, UTF-8 bytes': {
    bytes: Buffer.from(page(JAPANESE), 'utf8'),
    contentType: null,
    charset: 'utf-8',
    text: JAPANESE,
  },
  'wrong header (utf-8) on GBK bytes with a correct <meta>': {
    bytes: iconv.encode(page(CHINESE, '<meta charset="gbk">'), 'gbk'),
    contentType: 'text/html; charset=utf-8',
    charset: 'gb18030',
    text: CHINESE,
  },
  'wrong header (iso-8859-1 server default) on UTF-8 bytes': {
    bytes: Buffer.from(page(FRENCH), 'utf8'),
    contentType: 'text/html; charset=ISO-8859-1',
    charset: 'utf-8',
    text: FRENCH,
  },
  'unknown charset label falls back to detection': {
    bytes: Buffer.from(page(FRENCH), 'utf8'),
    contentType: 'text/html; charset=x-no-such-charset',
    charset: 'utf-8',
    text: FRENCH,
  },
  '<meta> inside a comment is ignored': {
    bytes: iconv.encode(page(JAPANESE, '<!-- <meta charset="big5"> --><meta charset="shift_jis">'), 'shift_jis'),
    charset: 'shift_jis',
    text: JAPANESE,
  },
  '<meta charset> after 1024 bytes of <head> scripts': {
    bytes: iconv.encode(page(TRADITIONAL, `<script>${'var x = 1;\n'.repeat(200)}</script><meta charset="big5">`), 'big5'),
    charset: 'big5',
    text: TRADITIONAL,
  },
};

describe('decodeHtml', () => {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const { html, charset } = decodeHtml(c.bytes, c.contentType);
    expect(charset).toBe(c.charset);
    expect(html).toContain(c.text);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('an empty body decodes to an empty string', () => {
    expect(decodeHtml(Buffer.alloc(0), 'text/html')).toEqual({ html: '', charset: 'utf-8' });
  });

  it('tolerates a UTF-8 body cut mid-character by a size cap', () => {
    const full = Buffer.from(page(CHINESE), 'utf8');
    const cut = full.subarray(0, full.indexOf(Buffer.from('泄', 'utf8')) + 1);
    expect(decodeHtml(cut, 'text/html; charset=utf-8').charset).toBe('utf-8');
  });
});

describe('metaCharset', () => {
  it('reads unquoted and http-equiv forms, and maps a UTF-16 claim to UTF-8', () => {
    expect(metaCharset(Buffer.from('<head><meta charset=euc-kr></head>'))).toBe('euc-kr');
    expect(metaCharset(Buffer.from(`<meta http-equiv='content-type' content='text/html;charset=Windows-1251'>`))).toBe('windows-1251');
    expect(metaCharset(Buffer.from('<meta charset="utf-16">'))).toBe('utf-8');
    expect(metaCharset(Buffer.from('<meta name="description" content="charset is nice">'))).toBeNull();
  });
});
