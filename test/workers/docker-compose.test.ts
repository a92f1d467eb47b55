import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { runCli } from './helpers';

// No Docker engine runs here: check the compose file's structure, and that every command
// it gives the image is one the CLI accepts.
const ROOT = path.join(__dirname, '..', '..');
type Service = {
  image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; ports?: string[];
  healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; container_name?: string;
  deploy?: unknown; stop_grace_period?: string; volumes?: string[];
};

describe('docker-compose.yml', () => {
  const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const s = compose.services;
  const app = ['scheduler', 'worker', 'api'];

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
      expect(svc.volumes).toContain('./breachfeed.yaml:/app/breachfeed.yaml:ro');
    }
  });

  it('workers scale with --scale: no fixed container name, no published port, time to finish jobs on stop', () => {
    expect(s.worker.container_name).toBeUndefined();
    expect(s.worker.ports).toBeUndefined();
    expect(s.worker.stop_grace_period).toBe('40s');
  });

  it('the API needs a token and is published on the host loopback only', () => {
    expect(s.api.environment?.BREACHFEED_API_TOKEN).toMatch(/^\$\{BREACHFEED_API_TOKEN:\?/);
    expect(s.api.environment?.REDIS_URL).toBe('redis://redis:6379'); // merged with the shared env, not replacing it
    expect(s.api.ports).toEqual(['127.0.0.1:${API_PORT:-8080}:8080']);
  });

  it('the Dockerfile builds the image those services run, entry point the CLI', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", ("--[\w=-]+", )*"bin\/breachfeed\.js"\]$/m);
    expect(dockerfile).toMatch(/^RUN npm run build/m);
    for (const dir of ['src', 'workers']) expect(dockerfile).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
  });

  it.each(app)('the %s command is one the CLI accepts', async (name) => {
    // Variables are compose's business; give the command with their defaults, ask for its help.
    const args = s[name].command!.map((a) => a.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'));
    const r = await runCli([...args, '--help'], {});
    expect({ name, code: r.code, stderr: r.stderr }).toEqual({ name, code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^Usage: breachfeed ${args[0]}`, 'm'));
  });
});
