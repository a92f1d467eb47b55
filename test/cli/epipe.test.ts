// `breachfeed export … | head -1`: the reader closes the pipe after one line. A closed pipe is a
// normal end for a CLI: exit 0, nothing on stderr. The real binary, a real pipe through head.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { saveReport } from '../api/api-server';
import { makeTempDir } from '../helpers/temp-dir';

const BIN = path.join(__dirname, '..', '..', 'bin', 'breachfeed.js');

describe('stdout closed early', () => {
  it.each(['ndjson', 'csv'])('export --format %s | head -1: one line, exit 0, nothing printed', async (format) => {
    const tmp = makeTempDir();
    try {
      const db = path.join(tmp.dir, 'many.db');
      const store = openSqliteStore(db);
      for (let i = 0; i < 400; i++) await saveReport(store, i); // more than a pipe buffer holds
      await store.close();
      const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" export --format ${format} --db "${db}" | head -1`], { encoding: 'utf8', timeout: 30_000 });
      expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
    } finally {
      tmp.cleanup();
    }
  });
});
