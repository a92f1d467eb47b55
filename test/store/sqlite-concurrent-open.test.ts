import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';

const STORE_MODULE = path.join(__dirname, '..', '..', 'dist', 'src', 'store', 'sqlite-store.js');

/** Opens (and so migrates) the store at `file` in a process of its own; resolves with its exit code and stderr. */
function openInChild(file: string): Promise<{ code: number | null; stderr: string }> {
  const script = `require(${JSON.stringify(STORE_MODULE)}).openSqliteStore(${JSON.stringify(file)}).close().catch(() => {});`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', `try { ${script} } catch (e) { console.error(e.message); process.exit(1); }`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

// Worker processes started together open one new SQLite file at once: each must find it
// migrated exactly once, none fail with "table already exists".
describe('SQLite store opened by several processes at once', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());

  it('every process opens it; the schema is migrated once', async () => {
    const file = path.join(tmp.dir, 'fresh.db');
    // Hold the write lock while they start, so all of them find the file unmigrated and queue up.
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const runs = Promise.all(Array.from({ length: 4 }, () => openInChild(file)));
    await new Promise((r) => setTimeout(r, 1_000));
    holder.exec('COMMIT');
    holder.close();
    expect(await runs).toEqual(Array.from({ length: 4 }, () => ({ code: 0, stderr: '' })));
    const store = openSqliteStore(file);
    expect(await store.counts()).toMatchObject({ records: 0 });
    await store.close();
  });
});
