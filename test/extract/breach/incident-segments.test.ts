import type { DateMention } from '../../../src/extract/breach/breach-dates';
import { isCompatibleDate, isRecallSentence, segmentIncidents, type SentenceFacts } from '../../../src/extract/breach/incident-segments';

const date = (value: string): DateMention => ({
  value,
  precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day',
  text: value,
  index: 0,
  role: 'event',
});
const fact = (index: number, d: string | null, victimKey: string | null = null, isRecall = false): SentenceFacts => ({
  index,
  date: d ? date(d) : null,
  victimKey,
  isRecall,
});

describe('segmentIncidents', () => {
  it('keeps an undated story in one main incident', () => {
    const segs = segmentIncidents([fact(0, null), fact(3, null)], 'acme');
    expect(segs).toEqual([{ date: null, victimKey: 'acme', sentences: [0, 3], isMain: true }]);
  });

  it('dates the main incident by the first date when nothing recalls an older breach', () => {
    const segs = segmentIncidents([fact(0, null), fact(2, '2019-03')], 'acme');
    expect(segs).toHaveLength(1);
    expect(segs[0].date?.value).toBe('2019-03');
  });

  it('takes the first breach sentence for the main story even when its wording recalls ("had suffered")', () => {
    const segs = segmentIncidents([fact(0, '2017-09', 'acme', true), fact(2, null)], 'acme');
    expect(segs.map((s) => [s.date?.value, s.sentences, s.isMain])).toEqual([['2017-09', [0, 2], true]]);
  });

  it('re-dates the main incident by the date its breach goes back to', () => {
    const origin = { ...date('2018-03'), role: 'origin' as const };
    const segs = segmentIncidents([fact(0, '2019-05', 'acme'), { ...fact(1, null, 'acme'), date: origin }], 'acme');
    expect(segs.map((s) => [s.date?.value, s.sentences])).toEqual([['2018-03', [0, 1]]]);
  });

  it('dates an undated main incident by when its data surfaced, and by nothing else', () => {
    const surfaced = { ...date('2020-06'), role: 'surfaced' as const };
    const segs = segmentIncidents([fact(0, null, 'acme'), { ...fact(1, null), surfacedDate: surfaced }], 'acme');
    expect(segs.map((s) => [s.date?.value, s.sentences])).toEqual([['2020-06', [0, 1]]]);
  });

  it('splits a recalled earlier breach into its own incident and merges compatible dates', () => {
    const segs = segmentIncidents([fact(0, null), fact(1, '2018-01', null, true), fact(4, null), fact(6, '2018')], 'oneplus');
    expect(segs.map((s) => [s.isMain, s.date?.value ?? null, s.sentences])).toEqual([
      [true, null, [0, 4]],
      [false, '2018-01', [1, 6]],
    ]);
    expect(segs[1].victimKey).toBe('oneplus');
  });

  it('gives a second named victim its own incident, and continues it in following sentences', () => {
    const segs = segmentIncidents([fact(0, null, 'alpha'), fact(1, null, 'beta'), fact(2, null)], 'alpha');
    expect(segs.map((s) => [s.victimKey, s.sentences])).toEqual([
      ['alpha', [0]],
      ['beta', [1, 2]],
    ]);
  });

  it('keeps a date refined by a later sentence', () => {
    const segs = segmentIncidents([fact(0, '2016'), fact(1, '2016-05')], null);
    expect(segs[0].date?.value).toBe('2016-05');
  });
});

describe('isRecallSentence / isCompatibleDate', () => {
  it('recognises sentences that recall an earlier breach', () => {
    expect(isRecallSentence('It is the second time in two years the retailer has been breached.')).toBe(true);
    expect(isRecallSentence('The firm suffered a previous breach in 2016.')).toBe(true);
    expect(isRecallSentence('In a separate incident, a laptop holding patient files was stolen from the clinic.')).toBe(true);
    expect(isRecallSentence('Hackers stole card numbers last week.')).toBe(false);
  });

  it('treats a date and its refinement as compatible', () => {
    expect(isCompatibleDate('2018', '2018-01')).toBe(true);
    expect(isCompatibleDate('2018-01-05', '2018-01')).toBe(true);
    expect(isCompatibleDate('2018-03', '2018-04')).toBe(false);
  });
});
