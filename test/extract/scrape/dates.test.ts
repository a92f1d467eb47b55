import { dateFromUrl, normalizeDate, parseHumanDate } from '../../../src/extract/scrape/dates';

describe('normalizeDate', () => {
  it.each(Object.entries({
    'ISO with zone': ['2019-11-19T22:00:00-05:00', '2019-11-19T22:00:00-05:00'],
    'ISO with Z and milliseconds': ['2019-11-20T01:50:59.403Z', '2019-11-20T01:50:59Z'],
    'zone kept as written, never converted (evening in New York stays the 19th)': ['2019-11-19T23:30:00-0500', '2019-11-19T23:30:00-05:00'],
    'ISO without zone keeps only the day': ['2019-11-20T01:50:59.403', '2019-11-20'],
    'space separated with UTC': ['2019-11-19 02:24:00 UTC', '2019-11-19T02:24:00Z'],
    'date only': ['2018-04-18', '2018-04-18'],
    compact: ['20191119', '2019-11-19'],
    'RFC 2822': ['Tue, 19 Nov 2019 10:00:00 +0100', '2019-11-19T10:00:00+01:00'],
    'day month year with GMT': ['19 Nov 2019 07:09 GMT', '2019-11-19T07:09:00Z'],
    'JavaScript Date string': ['Tue Nov 19 2019 03:05:46 GMT+0000', '2019-11-19T03:05:46Z'],
    'US words with a named zone (unknown offset: day only)': ['November 19, 2019, 07:47 PM EST', '2019-11-19'],
    'US words with pm and GMT': ['Nov 18, 2019 at 7:04 pm GMT', '2019-11-18T19:04:00Z'],
    'epoch seconds': ['1574121884', '2019-11-19T00:04:44Z'],
    'placeholder year': ['0001-01-01T00:00:00Z', null],
    'impossible day': ['2019-02-30', null],
    empty: ['', null],
    nonsense: ['soon', null],
  }))('%s', (_, [input, want]) => {
    expect(normalizeDate(input)).toBe(want);
  });
});

describe('dateFromUrl', () => {
  it.each(Object.entries({
    'year/month/day': ['https://nytimes.test/2019/11/19/opinion/x.html', '2019-11-19'],
    'year-month-day in a slug': ['https://latimes.test/story/2019-11-19/disney-plus', '2019-11-19'],
    'month name': ['https://politifact.test/statements/2019/nov/18/david/', '2019-11-18'],
    'year and month only': ['https://nj.test/entertainment/2019/11/florida-man.html', null],
    'numbers that are not a date': ['https://sputnik.test/columnists/201911181077343476-royal/', null],
    'not a URL': ['not a url', null],
  }))('%s', (_, [url, want]) => {
    expect(dateFromUrl(url as string)).toBe(want);
  });
});

describe('parseHumanDate', () => {
  it.each(Object.entries({
    'month first': ['Posted Nov 19, 2019, 6:51 AM', '2019-11-19'],
    'day first': ['By FEDERICA - 10 April 2019', '2019-04-10'],
    'dotted European': ['21:17 18.11.2019', '2019-11-18'],
    'slashes, day first because 27 is no month': ['27/03/2020', '2020-03-27'],
    'slashes, month first because 13 is no day-month': ['11/13/2019', '2019-11-13'],
    'ambiguous slashes are not guessed': ['03/04/2020', null],
    'a weekday alone is not a date': ['Monday 3:00PM', null],
    'relative words are not a date': ['Updated an hour ago', null],
  }))('%s', (_, [text, want]) => {
    expect(parseHumanDate(text as string)).toBe(want);
  });
});
