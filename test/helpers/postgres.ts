import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** The test PostgreSQL on 127.0.0.1 (trust auth, database `test`); TEST_DATABASE_URL overrides. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A fresh schema name; drop it with dropSchema when done. */
export function uniqueSchema(prefix = 'bf_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/**
 * A database of a test's own, for code that takes a DATABASE_URL (which names a database,
 * not a schema): create it before use, drop it when done.
 */
export function uniqueDatabase(prefix: string): { url: string; create: () => Promise<void>; drop: () => Promise<void> } {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    create: () => admin(`CREATE DATABASE ${name}`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
