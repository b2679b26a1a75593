import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The machine's PostgreSQL; override with TEST_POSTGRES_URL (a database the tests may create others from). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Creates a fresh, uniquely named database for one test file and drops it afterwards, so concurrent runs
 * (two CI jobs, a developer and CI) never see each other's rows.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `reviewlens_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        // Let the test's own pool finish closing first: terminating a connection that is still saying goodbye
        // surfaces as an uncaught client error in the test process. Force then only ends stragglers.
        for (let attempt = 0; attempt < 50; attempt++) {
          const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
            name,
          ]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A key prefix unique to one test run. */
export const uniquePrefix = (label: string) => `rltest:${label}:${randomUUID().slice(0, 8)}:`;
