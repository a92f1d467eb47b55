#!/usr/bin/env node
// Scores the article scraper on the shared article-extraction yardstick.
// Usage: npm run build && node scripts/eval-article.js [DEV_DIR]
// Exits non-zero when F1 drops below F1_FLOOR (the level reached, minus 0.01).
'use strict';

const F1_FLOOR = 0.975; // reached 0.985 on 2026-11-22, minus 0.01

const fs = require('node:fs');
const path = require('node:path');

const realpath = (p) => (fs.existsSync(p) ? fs.realpathSync(p) : p);
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
// realpath: the scorer runs its main only when invoked by its real path (not through a symlink).
const evalDir = realpath(path.resolve(root, '../shared/eval/article'));
const devDir = path.resolve(process.argv[2] || path.join(evalDir, 'dev'));
const truthFile = path.join(evalDir, 'dev-ground-truth.json');
const scorer = path.join(evalDir, 'score.mjs');
const built = path.join(root, 'dist/src/pipeline/scrape-directory.js');

async function main() {
  if (!fs.existsSync(built)) throw new Error(`eval-article: ${built} is missing; run npm run build first`);
  if (!fs.existsSync(devDir)) throw new Error(`eval-article: page folder ${devDir} does not exist`);
  const { scrapeDirectory } = require(built);
  const truth = fs.existsSync(truthFile) ? JSON.parse(fs.readFileSync(truthFile, 'utf8')) : {};
  const urls = Object.fromEntries(Object.entries(truth).map(([id, t]) => [id, t.url]));
  const started = Date.now();
  const predictions = await scrapeDirectory(devDir, urls);
  const ms = Date.now() - started;
  const outDir = path.join(root, 'data/eval');
  fs.mkdirSync(outDir, { recursive: true });
  const predFile = path.join(outDir, 'article-predictions.json');
  fs.writeFileSync(predFile, JSON.stringify(predictions, null, 1));
  console.log(`scraped ${Object.keys(predictions).length} pages in ${ms} ms → ${path.relative(root, predFile)}`);
  const output = execFileSync(process.execPath, [scorer, truthFile, predFile, '--worst', '5'], { encoding: 'utf8' });
  process.stdout.write(output);
  const m = /^F1 ([\d.]+)\s*$/m.exec(output);
  const f1 = m ? Number(m[1]) : NaN;
  if (!(f1 >= F1_FLOOR)) {
    console.error(`eval-article: F1 ${f1} is below the floor ${F1_FLOOR}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err.message.split('\n')[0]);
  process.exit(2);
});
