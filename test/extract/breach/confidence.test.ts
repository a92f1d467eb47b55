import { scoreConfidence, type ConfidenceInputs } from '../../../src/extract/breach/confidence';

const base: ConfidenceInputs = {
  cueStrength: 2,
  articleScore: 3,
  hasOrganization: false,
  hasCount: false,
  hasDate: false,
  dataTypeCount: 0,
  isMain: true,
};

describe('scoreConfidence', () => {
  it('stays within 0..1', () => {
    const max = scoreConfidence({ cueStrength: 99, articleScore: 99, hasOrganization: true, hasCount: true, hasDate: true, dataTypeCount: 20, isMain: true });
    const min = scoreConfidence({ ...base, cueStrength: 0, articleScore: 0, isMain: false });
    expect(max).toBeLessThanOrEqual(1);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeGreaterThan(min);
  });

  it('ranks incidents with more evidence higher', () => {
    const bare = scoreConfidence(base);
    const named = scoreConfidence({ ...base, hasOrganization: true });
    const full = scoreConfidence({ ...base, hasOrganization: true, hasCount: true, hasDate: true, dataTypeCount: 3 });
    expect(named).toBeGreaterThan(bare);
    expect(full).toBeGreaterThan(named);
    expect(scoreConfidence({ ...base, articleScore: 10 })).toBeGreaterThan(bare);
  });

  it('ranks the main incident above a recalled one with the same evidence', () => {
    expect(scoreConfidence(base)).toBeGreaterThan(scoreConfidence({ ...base, isMain: false }));
  });
});
