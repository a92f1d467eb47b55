// Time and peak memory of one test case, for the hostile-server report (never asserted:
// speed targets belong in bench/).

export interface CaseMeasure {
  name: string;
  ms: number;
  /** Peak RSS seen while the case ran, minus RSS at its start (MiB). */
  peakRssDeltaMiB: number;
  /** Peak V8 heap + ArrayBuffers (where Buffers live) minus the same at the start (MiB). */
  peakHeapDeltaMiB: number;
  outcome: string;
}

function heapAndBuffers(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Run `fn`, sampling memory every 5 ms; the outcome is the error's class and message, or "ok". */
export async function measureCase<T>(name: string, fn: () => Promise<T>, into: CaseMeasure[]): Promise<{ value?: T; error?: unknown }> {
  const rss0 = process.memoryUsage().rss;
  const heap0 = heapAndBuffers();
  let peakRss = rss0;
  let peakHeap = heap0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  let result: { value?: T; error?: unknown };
  try {
    result = { value: await fn() };
  } catch (error) {
    result = { error };
  }
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  const mib = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  const e = result.error;
  into.push({
    name,
    ms: Math.round(ms),
    peakRssDeltaMiB: mib(peakRss - rss0),
    peakHeapDeltaMiB: mib(peakHeap - heap0),
    outcome: e === undefined ? 'ok' : e instanceof Error ? `${e.name}: ${e.message}` : String(e),
  });
  return result;
}

/** A markdown table of the measures, for the test log and the closing note. */
export function formatMeasures(measures: CaseMeasure[]): string {
  const rows = measures.map((m) => `| ${m.name} | ${m.ms} | ${m.peakRssDeltaMiB} | ${m.peakHeapDeltaMiB} | ${m.outcome} |`);
  return ['| case | ms | peak RSS Δ MiB | peak heap+buffers Δ MiB | outcome |', '|---|---|---|---|---|', ...rows].join('\n');
}
