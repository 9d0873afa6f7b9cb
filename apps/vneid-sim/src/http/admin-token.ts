import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

import { sendError } from './error-body';

/**
 * preHandler for /admin/*: the shared token in `X-Admin-Token` (or `Authorization: Bearer`). The admin
 * API changes faults and shows personal data the simulator received, so it is never open.
 */
export function requireAdminToken(token: string) {
  const expected = createHash('sha256').update(token).digest();
  // Returning the reply after sending tells Fastify the request is answered (async hook convention).
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const header = request.headers['x-admin-token'];
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const given = typeof header === 'string' ? header : bearer;
    const ok = given !== undefined && timingSafeEqual(createHash('sha256').update(given).digest(), expected);
    if (ok) return undefined;
    return sendError(reply, 401, 'ADMIN_TOKEN_REQUIRED', 'Send the admin token in the X-Admin-Token header');
  };
}
