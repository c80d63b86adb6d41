/** GET /metrics: Prometheus text format, behind the admin token (see routes/admin.ts). */
import { Hono } from 'hono';
import type { ProxyMetrics } from '../metrics.ts';

export function metricsRoutes(metrics: ProxyMetrics): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const text = await metrics.registry.metrics();
    c.header('Content-Type', metrics.registry.contentType);
    c.header('Cache-Control', 'no-store');
    return c.body(text);
  });
  return app;
}
