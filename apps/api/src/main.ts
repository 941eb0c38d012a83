import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { assertMasterKeyAvailable, Environment, validateEnvironment } from '@pathway/config';

async function bootstrap() {
  // Before Nest starts: an error in a provider would be logged by Nest with its stack.
  assertMasterKeyAvailable(validateEnvironment({ ...process.env }));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), { bufferLogs: true });
  configureApp(app);
  await app.listen(app.get<ConfigService<Environment, true>>(ConfigService).get('PORT'));
}

bootstrap().catch((error: Error) => {
  // Configuration errors name the variable; print them plainly, without a stack.
  console.error(error.message);
  process.exit(1);
});
