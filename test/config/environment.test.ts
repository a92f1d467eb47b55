import fs from 'node:fs';
import path from 'node:path';
import { ENVIRONMENT } from '../../src/config/environment';

// The table of environment variables stays complete: every name the sources mention is in it
// (a new variable cannot go undocumented), and README documents each one.
const ROOT = path.join(__dirname, '..', '..');
const ENV_NAME = /\b(?:BREACHFEED_[A-Z0-9_]*|DATABASE_URL|REDIS_URL)\b/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('ENVIRONMENT', () => {
  it('lists every environment variable the sources name', () => {
    const named = new Set(['src', 'workers'].flatMap((d) => sourceFiles(path.join(ROOT, d))).flatMap((f) => fs.readFileSync(f, 'utf8').match(ENV_NAME) ?? []));
    const known = Object.keys(ENVIRONMENT);
    // `BREACHFEED_ATTEMPTS_${queue}`: a name built from a prefix.
    const missing = [...named].filter((n) => (n.endsWith('_') ? !known.some((k) => k.startsWith(n)) : !known.includes(n)));
    expect(missing).toEqual([]);
    expect(named.size).toBeGreaterThan(10);
  });

  it('is documented in README', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(Object.keys(ENVIRONMENT).filter((name) => !readme.includes(name))).toEqual([]);
  });
});
