// Article-level verdict: does the article report a data breach, or only mention breaches
// in passing (a phishing campaign, a patched vulnerability, advice)? The evidence is the
// number and strength of breach sentences, with the headline counting double.

export interface BreachEvidence {
  /** Strength of the headline's strongest cue (0 when none). */
  titleStrength: number;
  /** Cue strength of each body sentence that reports a breach. */
  sentenceStrengths: number[];
}

/** The threshold the article score must reach. */
export const BREACH_SCORE_THRESHOLD = 3;

/** A score that grows with explicit breach reports; 0 when there are none. */
export function scoreBreachArticle(e: BreachEvidence): number {
  const strong = e.sentenceStrengths.filter((s) => s >= 2).length;
  const weak = e.sentenceStrengths.filter((s) => s === 1).length;
  return 2 * e.titleStrength + 1.5 * Math.min(strong, 6) + 0.5 * Math.min(weak, 4);
}

export function isBreachArticle(e: BreachEvidence): boolean {
  const hasExplicit = e.titleStrength >= 1 || e.sentenceStrengths.some((s) => s >= 2);
  return hasExplicit && scoreBreachArticle(e) >= BREACH_SCORE_THRESHOLD;
}
