import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per server, so tests and several servers in one process do not share counters. */
export function registerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'reviewlens_http_requests_total',
    help: 'HTTP requests by route and status code',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'reviewlens_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5, 2],
    registers: [registry],
  });
  // Label children are resolved once per route and status: prom-client hashes a label object on every
  // inc/observe, which showed up in the hot route's profile.
  const children = new Map<
    string,
    { duration: Histogram.Internal<'route'>; byStatus: Map<number, Counter.Internal> }
  >();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    let forRoute = children.get(route);
    if (!forRoute) {
      forRoute = { duration: duration.labels({ route }), byStatus: new Map() };
      children.set(route, forRoute);
    }
    let counter = forRoute.byStatus.get(reply.statusCode);
    if (!counter) {
      counter = requests.labels({ route, status: reply.statusCode });
      forRoute.byStatus.set(reply.statusCode, counter);
    }
    counter.inc();
    forRoute.duration.observe(reply.elapsedTime / 1000);
    done();
  });
  return registry;
}

export function eventCounter(registry: Registry) {
  return new Counter({
    name: 'reviewlens_events_total',
    help: 'Feedback and events received, by type and whether they were new or an idempotent retry',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
}
