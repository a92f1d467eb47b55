// Extraction throughput on the breach eval's dev inputs, against bare compromise parsing of
// the same texts in the same run (the floor any compromise-based extractor pays).
import nlp from 'compromise';
import fs from 'node:fs';
import path from 'node:path';
import { extractIncidents } from '../src/extract/extract-incidents';
import { printTable, timeIt } from './bench-utils';

interface Input { id: string; title: string | null; date: string | null; text: string }

export async function main(evalDir = path.resolve('../shared/eval/breach')): Promise<void> {
  const file = path.join(evalDir, 'inputs-dev.jsonl');
  if (!fs.existsSync(file)) {
    console.log(`extract bench: skipped, ${file} not found`);
    return;
  }
  const inputs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Input);
  const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);
  // Warm both up so module and lexicon loading are not timed.
  for (const i of inputs.slice(0, 5)) {
    nlp(i.text);
    extractIncidents({ title: i.title, publishedAt: i.date, text: i.text });
  }
  const bare = timeIt(() => inputs.forEach((i) => nlp(i.text)));
  const ours = timeIt(() => inputs.forEach((i) => extractIncidents({ title: i.title, publishedAt: i.date, text: i.text })));
  printTable(`extraction on ${inputs.length} dev articles (${(bytes / 1024).toFixed(0)} KiB)`, [
    ['bare nlp(text)', `${(inputs.length / bare).toFixed(1)} articles/s`],
    ['extractIncidents', `${(inputs.length / ours).toFixed(1)} articles/s`],
    ['ratio extractIncidents / nlp', (bare / ours).toFixed(2)],
  ]);
}
