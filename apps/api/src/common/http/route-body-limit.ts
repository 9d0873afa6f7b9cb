import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { AppError } from '../errors/app-error';

/** What a route's Fastify config holds when it sets its own body limit. */
interface BodyLimitConfig {
  bodyLimit: number;
  /** The error to answer with instead of the generic PAYLOAD_TOO_LARGE (e.g. ROSTER_FILE_TOO_LARGE). */
  bodyTooLarge?: () => AppError;
}

/**
 * A larger JSON body limit for one route than the app-wide one (2 MB, create-app.ts): the question
 * import takes a workbook of up to 5 MB in base64. Nest has no decorator for Fastify's per-route
 * `bodyLimit`, so the route names its limit in its Fastify config and an `onRoute` hook applies it.
 * Fastify refuses a body over the limit from its Content-Length before reading it (or as soon as a
 * chunked body passes the limit), so nothing that large is buffered; `tooLarge` lets the route say
 * what was too large in its own words (the global filter answers with it).
 */
export function BodyLimit(bytes: number, tooLarge?: () => AppError): MethodDecorator {
  const config: BodyLimitConfig = { bodyLimit: bytes, ...(tooLarge ? { bodyTooLarge: tooLarge } : {}) };
  return RouteConfig(config);
}

/** Installs the hook on the Fastify instance; create-app.ts calls it before any route is registered. */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const config: object | undefined = route.config;
    if (config && 'bodyLimit' in config && typeof config.bodyLimit === 'number') {
      route.bodyLimit = config.bodyLimit;
    }
  });
}

/** The route's own error for a body over its limit, if it has one. */
export function bodyTooLargeErrorOf(request: FastifyRequest | undefined): AppError | null {
  const config: object | undefined = request?.routeOptions?.config;
  if (config && 'bodyTooLarge' in config && typeof config.bodyTooLarge === 'function') {
    return (config as BodyLimitConfig).bodyTooLarge?.() ?? null;
  }
  return null;
}
