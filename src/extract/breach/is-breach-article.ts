// Article-level verdict: does the article report a data breach, or only mention breaches
// in passing (a phishing campaign, a patched vulnerability, advice)? The evidence is the
// number and strength of breach sentences, with the headline counting double.

export interface BreachEvidence {
  /** Strength of the headline's strongest cue (0 when none). */
  titleStrength: number;
  /** Cue strength of each body sentence that reports a breach. */
  sentenceStrengths: number[];
  /** The headline's cues only tell what a flaw or product exposed. */
  titleIsFlaw?: boolean;
  /** Cue strength of a brief's first sentence; 0 for a longer article. */
  leadStrength?: number;
}

/** A score that grows with explicit breach reports; 0 when there are none. */
export function scoreBreachArticle(e: BreachEvidence): number {
  const strong = e.sentenceStrengths.filter((s) => s >= 2).length;
  const weak = e.sentenceStrengths.filter((s) => s === 1).length;
  return 2 * e.titleStrength + 1.5 * Math.min(strong, 6) + 0.5 * Math.min(weak, 4);
}

/**
 * A breach article has a breach cue in its headline, two explicit breach sentences, or
 * one explicit and one suggestive sentence: a single explicit mention is usually a
 * reference to some other breach in a story about something else. A headline telling what
 * a flaw exposed ("Flaw in banking portal exposed customer data") announces a
 * vulnerability disclosure: the body must report the breach on its own.
 */
export function isBreachArticle(e: BreachEvidence): boolean {
  const strong = e.sentenceStrengths.filter((s) => s >= 2).length;
  const weak = e.sentenceStrengths.length - strong;
  const titleCounts = e.titleStrength >= 2 || (e.titleStrength >= 1 && !e.titleIsFlaw);
  return titleCounts || strong >= 2 || (strong === 1 && weak >= 1) || (e.leadStrength ?? 0) >= 2;
}
