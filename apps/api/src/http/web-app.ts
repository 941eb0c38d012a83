import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API answers itself, and the app's files (a missing one is a 404, not index.html). */
const NOT_THE_APP = /^\/(api|health|docs|metrics|assets)(\/|-json|$)/;

/** dist/web beside the built API (dist/apps/api/…/http), or under the working directory (tests run from source). */
export function findWebApp(): string | null {
  const candidates = [join(__dirname, '..', '..', '..', '..', '..', 'web'), join(process.cwd(), 'dist', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the built web app (apps/web → dist/web) at `/`: its hashed assets cached for a year,
 * and index.html, never cached, for any other GET that accepts HTML (the app routes in the
 * browser). The API stays at /api/v1, /health and /docs. Without a build, nothing changes.
 */
export function serveWebApp(app: NestExpressApplication, dir: string | null = findWebApp()): void {
  if (!dir) return;
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  app.useStaticAssets(dir, { index: false, maxAge: 0 });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_THE_APP.test(request.path) || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(join(dir, 'index.html'));
  });
}
