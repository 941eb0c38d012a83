import { INestApplication, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Environment } from '@pathway/config';
import { useJsonBodies } from './http/json-bodies';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { requestMetrics } from './http/request-metrics';
import { validationPipe } from './http/validation';
import { serveWebApp } from './http/web-app';

/** Everything main.ts and the end-to-end tests both need, so the tests run the real app. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(requestMetrics);
  // helmet's default CSP already fits the web app: scripts and styles from this origin only, no inline scripts.
  app.use(helmet());
  serveWebApp(app);
  const corsOrigins = config.get<string | undefined>('CORS_ORIGINS');
  if (corsOrigins) {
    app.enableCors({
      origin: corsOrigins.split(','),
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id'],
      exposedHeaders: ['ETag', 'Digest', 'X-Correlation-Id', 'X-Generated-At', 'Content-Disposition', 'Retry-After'],
    });
  }
  useJsonBodies(app, config.get('BODY_LIMIT_KB'));
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Pathway')
    .setDescription('Participant pathways recorded as events: enrolment, milestones, exits, follow-ups.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
