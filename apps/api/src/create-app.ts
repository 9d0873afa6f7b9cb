import fastifyCookie from '@fastify/cookie';
import { ErrorCode } from '@hocvu/contracts';
import { HttpStatus } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

import { AppModule } from './app.module';
import { AppError } from './common/errors/app-error';
import { applyRouteBodyLimits } from './common/http/route-body-limit';
import { requestIdFor } from './common/request-id';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation/validation.pipe';
import { ApiConfig } from './config/api-config';

export const API_PREFIX = 'api';
/** Routes served outside /api: the issuer's did:web document must be at /.well-known/did.json. */
export const GLOBAL_PREFIX_OPTIONS = { exclude: ['.well-known/did.json'] };
/** Largest JSON body accepted (a 1 MB CSV import plus envelope). Video uploads use their own route. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** Builds the API exactly as production runs it; tests call this too and use `app.inject`. */
export async function createApp(
  config: ApiConfig,
  options: { logger?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: requestIdFor,
    requestIdHeader: false,
  });
  // Before any route is registered: routes marked @BodyLimit(n) take larger bodies (question import).
  applyRouteBodyLimits(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Body parsing is ours (below) so malformed JSON gets a stable error code.
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, GLOBAL_PREFIX_OPTIONS);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });

  await app.register(fastifyCookie);
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /api/docs needs inline styles and data: images; nothing else is served here.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  // JSON only: a text/plain body would otherwise reach the DTOs as a string.
  fastify.removeContentTypeParser('text/plain');
  // Fastify's JSON parser, but malformed JSON becomes our INVALID_JSON error: Nest would otherwise
  // re-wrap Fastify's error and lose its code.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, body.toString(), (error, parsed) => {
      if (error)
        done(
          new AppError(ErrorCode.InvalidJson, HttpStatus.BAD_REQUEST, 'The request body is not valid JSON'),
          undefined,
        );
      else done(null, parsed);
    });
  });
  // tus chunks: left unread here, the tus server streams them straight to disk.
  fastify.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
    yamlDocumentUrl: `${API_PREFIX}/openapi.yaml`,
  });
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Hocvu API')
    .setDescription(
      'API of Hocvu, the self-hosted MOOC platform for the "Bình dân học vụ số" digital-skills campaign. ' +
        'Every error has the shape { error: { code, message, details } }.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}
