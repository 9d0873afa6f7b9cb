import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';

/** Every failure the simulator answers has this body: a stable `code` and a readable `message`. */
export interface ErrorBody {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply.code(status).send({ code, message, ...extra } satisfies ErrorBody);
}

/**
 * 503 for maintenance, written on the raw response: it also answers the OpenID Connect provider's
 * routes, which do not go through Fastify. Browsers get a page, API clients the JSON error body.
 */
export function writeMaintenance(
  accept: string | undefined,
  response: ServerResponse,
  retryAfterSeconds: number,
): void {
  const message = 'VNeID đang bảo trì, vui lòng thử lại sau. (VNeID is under maintenance, try again later.)';
  response.setHeader('retry-after', String(retryAfterSeconds));
  response.setHeader('cache-control', 'no-store');
  if (accept?.includes('text/html')) {
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>VNeID đang bảo trì</title></head>` +
        `<body style="font:18px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem"><main><h1>VNeID đang bảo trì</h1><p>Vui lòng thử lại sau khoảng ${Math.ceil(retryAfterSeconds / 60)} phút.</p></main></body></html>`,
    );
    return;
  }
  response.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ code: 'MAINTENANCE', message, retryAfterSeconds } satisfies ErrorBody));
}
