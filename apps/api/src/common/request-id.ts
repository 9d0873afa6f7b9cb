import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Request ids: reuse a sane X-Request-Id from the proxy, otherwise mint one. Written back onto the
 * raw request so Fastify and the pino HTTP logger agree on the same id.
 */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  request.headers['x-request-id'] = id;
  return id;
}
