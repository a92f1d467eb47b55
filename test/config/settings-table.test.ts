import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS } from '../../src/config/settings-table';
import { loadSettings } from '../../src/config/settings';

// README's configuration table is the settings table, row for row: a setting cannot be added,
// renamed or given another default without README saying so. On a mismatch, paste `expected`.
const README = path.join(__dirname, '..', '..', 'README.md');
const START = '<!-- settings table: generated from src/config/settings-table.ts, checked by test/config/settings-table.test.ts -->';
const END = '<!-- end of settings table -->';

const code = (v: unknown) => (v === null ? '-' : `\`${String(v)}\``);

function renderTable(): string {
  const rows = SETTINGS.map((s) => `| ${s.yaml ? code(s.yaml) : '-'} | ${s.env.length ? s.env.map(code).join(', ') : '-'} | ${code(s.default)} | ${s.doc} |`);
  return ['| breachfeed.yaml | environment | default | what |', '|---|---|---|---|', ...rows].join('\n');
}

describe('settings table', () => {
  it('is the README configuration table', () => {
    const text = fs.readFileSync(README, 'utf8');
    const inReadme = text.slice(text.indexOf(START) + START.length, text.indexOf(END)).trim();
    expect(inReadme).toBe(renderTable());
  });

  it('gives every setting its table default when nothing sets it', () => {
    const s = loadSettings(null, {});
    const at = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s);
    for (const row of SETTINGS) expect([row.key, at(row.key)]).toEqual([row.key, row.default]);
  });

  it('lets breachfeed.yaml set the distributed settings, and the environment override them', () => {
    const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'settings-'));
    try {
      const file = path.join(tmp, 'b.yaml');
      fs.writeFileSync(file, 'queues:\n  prefix: from-yaml\n  records:\n    attempts: 11\n  lockMs: 5000\nlog:\n  level: warn\n');
      const s = loadSettings(file, {});
      expect(s.distributed).toMatchObject({ prefix: 'from-yaml', lockMs: 5000, policies: { records: { attempts: 11, backoffMs: 5_000 } } });
      expect(s.log.level).toBe('warn');
      expect(loadSettings(file, { BREACHFEED_QUEUE_PREFIX: 'from-env' }).distributed.prefix).toBe('from-env');
      fs.writeFileSync(file, 'queues:\n  lockMs: 10\n');
      expect(() => loadSettings(file, {})).toThrow(/^config: .*b\.yaml: \/queues\/lockMs must be >= 1000$/);
      expect(Object.isFrozen(s.distributed.policies)).toBe(true);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
