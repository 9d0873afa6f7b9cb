import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/**
 * A larger JSON body limit for one route than the app-wide one (2 MB, create-app.ts): the question
 * import takes a workbook of up to 5 MB in base64. Nest has no decorator for Fastify's per-route
 * `bodyLimit`, so the route names its limit in its Fastify config and an `onRoute` hook applies it.
 */
export function BodyLimit(bytes: number): MethodDecorator {
  return RouteConfig({ bodyLimit: bytes });
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
