import { isBreachArticle, scoreBreachArticle } from '../../../src/extract/breach/is-breach-article';

describe('isBreachArticle', () => {
  it('accepts a breach headline on its own', () => {
    expect(isBreachArticle({ titleStrength: 2, sentenceStrengths: [] })).toBe(true);
  });

  it('accepts two explicit breach sentences, or one explicit and one suggestive', () => {
    expect(isBreachArticle({ titleStrength: 0, sentenceStrengths: [2, 2] })).toBe(true);
    expect(isBreachArticle({ titleStrength: 0, sentenceStrengths: [2, 1] })).toBe(true);
  });

  it('rejects a single passing mention and suggestive cues alone', () => {
    expect(isBreachArticle({ titleStrength: 0, sentenceStrengths: [2] })).toBe(false);
    expect(isBreachArticle({ titleStrength: 0, sentenceStrengths: [1, 1, 1] })).toBe(false);
    expect(isBreachArticle({ titleStrength: 0, sentenceStrengths: [] })).toBe(false);
  });

  it('does not let a headline about what a flaw exposed carry the article alone', () => {
    expect(isBreachArticle({ titleStrength: 1, sentenceStrengths: [2], titleIsFlaw: true })).toBe(false);
    expect(isBreachArticle({ titleStrength: 1, sentenceStrengths: [2], titleIsFlaw: false })).toBe(true);
    expect(isBreachArticle({ titleStrength: 1, sentenceStrengths: [2, 2], titleIsFlaw: true })).toBe(true);
  });

  it('scores more and stronger evidence higher', () => {
    const weak = scoreBreachArticle({ titleStrength: 0, sentenceStrengths: [2, 1] });
    const strong = scoreBreachArticle({ titleStrength: 2, sentenceStrengths: [2, 2, 2] });
    expect(strong).toBeGreaterThan(weak);
    expect(scoreBreachArticle({ titleStrength: 0, sentenceStrengths: [] })).toBe(0);
  });

  it('accepts a brief whose first sentence reports a breach explicitly', () => {
    expect(isBreachArticle({ titleStrength: 0, sentenceStrengths: [2], leadStrength: 2 })).toBe(true);
    expect(isBreachArticle({ titleStrength: 0, sentenceStrengths: [2], leadStrength: 0 })).toBe(false);
  });
});
