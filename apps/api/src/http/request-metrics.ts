import { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';

/**
 * Request latency by route, in prom-client's default registry (served at `GET /metrics`). The
 * route is the matched template (`/api/v1/projects/:projectId`), never the path itself, so ids
 * never become labels; whatever no route matched (the web app's files, unknown paths) is `other`.
 */
const requestDuration = new Histogram({
  name: 'pathway_http_request_duration_seconds',
  help: 'Time from a request arriving to its answer being sent, by method, route template and status',
  labelNames: ['method', 'route', 'status'],
  // From a cached read (1 ms) to a national report (seconds); Prometheus's defaults stop at 10 s.
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});

/** Express middleware timing each request until its answer is finished (or the client went away). */
export function requestMetrics(req: Request, res: Response, next: NextFunction): void {
  const stop = requestDuration.startTimer();
  res.once('close', () => {
    const route = req.route as { path?: unknown } | undefined;
    stop({ method: req.method, route: typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'other', status: String(res.statusCode) });
  });
  next();
}
