import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProjectorModule } from './projector.module';

async function bootstrap() {
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot());
  app.enableShutdownHooks();
  new Logger('Projector').log('Projecting the event log into the read models');
}

bootstrap().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
