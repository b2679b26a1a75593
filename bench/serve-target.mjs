// The server under load, in its own process so the load generator does not share its event loop.
// Usage: node bench/serve-target.mjs reviewlens DB_PATH | node bench/serve-target.mjs bare BODY_FILE
import { readFileSync } from 'node:fs';

const [mode, path] = process.argv.slice(2);
let app;
if (mode === 'bare') {
  const { default: Fastify } = await import('fastify');
  const body = readFileSync(path, 'utf8');
  app = Fastify({ logger: false });
  // The limit: the same pre-serialised body from a route with no hooks, plugins or lookups.
  app.get('/bare', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
} else {
  const { openSqliteStore } = await import('../dist/store/store.js');
  const { buildServer } = await import('../dist/serve/server.js');
  const store = await openSqliteStore(path);
  app = buildServer(store.db, { logger: false });
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
