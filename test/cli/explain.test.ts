import { formatTrace } from '../../src/cli/commands/explain';
import { traceExtraction } from '../../src/extract/extract-incidents';

describe('breachfeed explain', () => {
  it('shows each breach sentence with what it yielded, the victims, the grouping and the verdict', () => {
    const text =
      'In March 2021, the online flower shop Petalworks suffered a data breach that exposed 48,000 customer records. ' +
      'The stolen data included names, email and postal addresses. In 2022, the data was listed for sale on a hacking forum.';
    const out = formatTrace(traceExtraction({ title: null, publishedAt: '2022-06-01', text }));
    expect(out).toContain('breach report: yes');
    expect(out).toMatch(/\[0\] cue 2: In March 2021/);
    expect(out).toContain('count 48000 people "48,000 customer" (said to be affected)');
    expect(out).toContain('email "email and postal addresses", address "email and postal addresses"');
    expect(out).toContain('date 2022 "In 2022": when the data surfaced; the breach date only if there is no other');
    expect(out).toMatch(/Petalworks \[petalworks\] +score/);
    expect(out).toMatch(/main +date 2021-03 +victim petalworks/);
    expect(out).toContain('Petalworks | breach 2021-03 | count 48000 people | personal_info, name, email, address');
  });

  it('says why an article yields nothing', () => {
    const out = formatTrace(traceExtraction({ title: null, publishedAt: null, text: 'The council approved a new park budget on Tuesday.' }));
    expect(out).toContain('verdict: no breach report');
  });
});
