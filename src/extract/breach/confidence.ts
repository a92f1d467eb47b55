// A confidence for ranking incidents: how strongly the article reports a breach, and how
// much of the record is backed by evidence. Not a probability; monotone in the evidence.

export interface ConfidenceInputs {
  /** Sum of breach-cue strengths over the incident's sentences. */
  cueStrength: number;
  /** The article as a whole passed the breach test with this score. */
  articleScore: number;
  hasOrganization: boolean;
  hasCount: boolean;
  hasDate: boolean;
  dataTypeCount: number;
  isMain: boolean;
}

/** 0..1, rounded to two decimals. */
export function scoreConfidence(c: ConfidenceInputs): number {
  const saturate = (x: number, half: number) => x / (x + half);
  let v =
    0.3 * saturate(c.articleScore, 4) +
    0.15 * saturate(c.cueStrength, 2) +
    (c.hasOrganization ? 0.15 : 0) +
    (c.hasCount ? 0.1 : 0) +
    (c.hasDate ? 0.05 : 0) +
    0.15 * saturate(c.dataTypeCount, 1.5) +
    (c.isMain ? 0.1 : 0.02);
  v = Math.min(0.99, Math.max(0.01, v));
  return Math.round(v * 100) / 100;
}
