import Ajv from 'ajv';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { startServer } from '../../src/api/server';
import { buildProgram } from '../../src/cli/program';
import { CONFIG_FILE_CANDIDATES } from '../../src/config/settings';
import { ENVIRONMENT } from '../../src/config/environment';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';

// No Docker engine runs here: validate the compose file against the Compose Specification's
// schema, then check what it promises against the real CLI, settings and API.
const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, 'test', 'vendor', 'compose-spec', 'compose-spec.json');
type Service = {
  image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; ports?: string[];
  healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; container_name?: string;
  deploy?: unknown; stop_grace_period?: string; volumes?: string[];
};

const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = YAML.parse(text, { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const s = compose.services;
const app = ['scheduler', 'worker', 'api'];
const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** Compose's `${NAME:-default}` with its default, as `docker compose config` renders it without the variable. */
const withDefaults = (arg: string) => arg.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

/**
 * Parses a command line with the real `breachfeed` program, running nothing: the command it
 * reaches, or the error commander gives (unknown command or option, missing value).
 */
async function parseCommandLine(args: string[]): Promise<{ command: string | null; error: string }> {
  let command: string | null = null;
  let error = '';
  const program = buildProgram(() => async (...actionArgs: unknown[]) => {
    const cmd = actionArgs[actionArgs.length - 1] as { name(): string; parent: { name(): string } | null };
    command = cmd.parent && cmd.parent.name() !== 'breachfeed' ? `${cmd.parent.name()} ${cmd.name()}` : cmd.name();
  });
  const silence = (c: typeof program) => {
    c.configureOutput({ writeOut: () => undefined, writeErr: (str) => void (error += str) });
    c.commands.forEach(silence);
  };
  silence(program);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    error ||= (err as Error).message;
  }
  return { command, error: error.trim() };
}

/** Exit code of `node -e script` (run without blocking: the server under test is in this process). */
function exitCode(script: string): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', script], { timeout: 10_000 }, (err) => resolve(err ? (typeof err.code === 'number' ? err.code : null) : 0));
  });
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as { $schema: string };
    expect(schema.$schema).toMatch(/draft-07/);
    // The spec names its meta-schema by a URL ajv does not hold; it is draft-07, ajv's default.
    const validate = new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(schema);
    // With anchors and merge keys resolved, as `docker compose` reads it.
    const ok = validate(YAML.parse(text, { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check catches a broken file', () => {
    const validate = new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    expect(validate({ services: { api: { image: 'x', healthcheck: { test: ['CMD', 'true'], intervall: '5s' } } } })).toBe(false);
    expect(validate({ services: { api: { image: 'x', depends_on: { redis: { condition: 'service_ready' } } } } })).toBe(false);
  });

  it('has redis, postgres, scheduler, worker and api, each with a health check', () => {
    expect(Object.keys(s).sort()).toEqual(['api', 'postgres', 'redis', 'scheduler', 'worker']);
    for (const [name, svc] of Object.entries(s)) expect({ name, test: Array.isArray(svc.healthcheck?.test) }).toEqual({ name, test: true });
    expect(s.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(Object.keys(compose.volumes).sort()).toEqual(['pg-data', 'redis-data']);
  });

  it('app services share one image, read REDIS_URL and DATABASE_URL from the environment, and wait for healthy deps', () => {
    for (const name of app) {
      const svc = s[name];
      expect(svc.build).toBe('.');
      expect(svc.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(svc.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/.*@postgres:5432\//);
      expect(svc.depends_on).toEqual({ redis: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    }
  });

  it.each(app)('every environment variable the %s service gets is one breachfeed reads', (name) => {
    const unknown = Object.keys(s[name].environment ?? {}).filter((v) => !(v in ENVIRONMENT));
    expect(unknown).toEqual([]);
  });

  it('bind-mounts only folders that ship with the repository, so Docker never makes one up', () => {
    for (const [name, svc] of Object.entries(s)) {
      for (const volume of svc.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!/^[./]/.test(source)) continue; // a named volume
        const onHost = path.join(ROOT, source);
        const tracked = spawnSync('git', ['ls-files', '--', source], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
        const isDirectory = fs.existsSync(onHost) && fs.statSync(onHost).isDirectory();
        expect({ name, source, isDirectory, tracked }).toEqual({ name, source, isDirectory: true, tracked: true });
      }
    }
  });

  it('app services mount the config folder where the CLI looks for its config', () => {
    const workdir = /^WORKDIR (\S+)$/m.exec(dockerfile.split(/^FROM /m).pop()!)?.[1];
    expect(workdir).toBe('/app');
    for (const name of app) {
      expect(s[name].volumes).toEqual(['./config:/app/config:ro']);
      expect(CONFIG_FILE_CANDIDATES.map((rel) => path.posix.join(workdir!, rel))).toContain('/app/config/breachfeed.yaml');
    }
  });

  it('workers scale with --scale: no fixed container name, no published port, time to finish jobs on stop', () => {
    expect(s.worker.container_name).toBeUndefined();
    expect(s.worker.ports).toBeUndefined();
    expect(s.worker.stop_grace_period).toBe('40s');
  });

  it('the API needs a token and is published on the host loopback only', () => {
    expect(s.api.environment?.BREACHFEED_API_TOKEN).toMatch(/^\$\{BREACHFEED_API_TOKEN:\?/);
    expect(s.api.environment?.BREACHFEED_API_OPERATE_TOKEN).toBe('${BREACHFEED_API_OPERATE_TOKEN:-}'); // optional, passed through
    expect(s.api.environment?.REDIS_URL).toBe('redis://redis:6379'); // merged with the shared env, not replacing it
    expect(s.api.ports).toEqual(['127.0.0.1:${API_PORT:-8080}:8080']);
  });

  it('the Dockerfile builds the image those services run, entry point the CLI', () => {
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", ("--[\w=-]+", )*"bin\/breachfeed\.js"\]$/m);
    expect(dockerfile).toMatch(/^RUN npm run build/m);
    for (const dir of ['src', 'workers', 'bin']) expect(dockerfile).toMatch(new RegExp(`^COPY (--from=build /app/)?${dir} \\./${dir}$`, 'm'));
    expect(fs.existsSync(path.join(ROOT, 'bin', 'breachfeed.js'))).toBe(true);
  });

  it.each(app)('the %s command is a breachfeed command with options it accepts', async (name) => {
    const args = s[name].command!.map(withDefaults);
    const parsed = await parseCommandLine(args);
    expect({ name, ...parsed }).toEqual({ name, command: args[0], error: '' });
  });

  it('the command check refuses what the CLI refuses', async () => {
    expect((await parseCommandLine(['worker', '--concurency', '4'])).error).toMatch(/unknown option '--concurency'/);
    expect((await parseCommandLine(['wroker'])).error).toMatch(/unknown command 'wroker'/);
    expect((await parseCommandLine(['serve', '--port'])).error).toMatch(/argument missing/);
  });

  it.each(['scheduler', 'worker'])('the %s health check runs a breachfeed command', async (name) => {
    const [kind, node, bin, ...args] = s[name].healthcheck!.test;
    expect([kind, node, bin]).toEqual(['CMD', 'node', 'bin/breachfeed.js']);
    expect(await parseCommandLine(args)).toEqual({ command: args[0], error: '' });
  });

  describe('the api health check', () => {
    const [kind, node, flag, script] = s.api.healthcheck!.test;
    let tmp: ReturnType<typeof makeTempDir>;
    beforeAll(() => (tmp = makeTempDir()));
    afterAll(() => tmp.cleanup());

    it('asks the port the API listens on', () => {
      expect([kind, node, flag]).toEqual(['CMD', 'node', '-e']);
      const command = s.api.command!;
      const port = command[command.indexOf('--port') + 1];
      expect(new URL(/fetch\('([^']+)'\)/.exec(script)![1]).port).toBe(port);
    });

    it('passes against the real API and fails once it is gone', async () => {
      const store = openSqliteStore(path.join(tmp.dir, 'api.db'));
      const { app: api, url } = await startServer({ store, port: 0, readToken: null, logger: false });
      // The script itself, aimed at this server instead of the container's port 8080.
      const aimed = script.replace(/http:\/\/127\.0\.0\.1:\d+/, url);
      try {
        expect(aimed).not.toBe(script);
        expect(await exitCode(aimed)).toBe(0);
      } finally {
        await api.close();
        await store.close();
      }
      expect(await exitCode(aimed)).toBe(1);
    });
  });
});
