import { recordId } from '../../src/pipeline/build-records';
import { recordValidator } from '../helpers/record-validator';
import { sampleIncident, sampleRecords } from '../helpers/sample-record';

describe('buildRecords', () => {
  const validate = recordValidator();

  it('wraps incidents into records that satisfy the published JSON Schema', () => {
    const records = sampleRecords('https://a.example/x', [sampleIncident(), sampleIncident({ organization: null, breachDate: null, affectedCount: null })]);
    for (const r of records) expect(validate(r) ? [] : validate.errors).toEqual([]);
    expect(records[0].article.feed).toBe('technode');
  });

  it('gives deterministic ids from the canonical URL and incident index', () => {
    const [a] = sampleRecords('https://a.example/x');
    const [b] = sampleRecords('https://a.example/x');
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(recordId('https://a.example/x', 0));
    expect(recordId('https://a.example/x', 1)).not.toBe(a.id);
  });

  it('the schema rejects a record outside the contract', () => {
    const [r] = sampleRecords();
    expect(validate({ ...r, dataTypes: [{ type: 'shoe_size', text: 'x' }] })).toBe(false);
    expect(validate({ ...r, affectedCount: { ...r.affectedCount, value: 1.5 } })).toBe(false);
    expect(validate({ ...r, breachDate: { value: 'January 2018', precision: 'month', text: '' } })).toBe(false);
  });
});
