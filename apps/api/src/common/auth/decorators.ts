import { Permission } from '@hocvu/contracts';
import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { ErrorResponseDto } from '../errors/error-response.dto';
import { AuthUser } from './auth-user';

export const PUBLIC_ROUTE = 'hocvu:public';
export const REQUIRED_PERMISSION = 'hocvu:permission';

/** Open to anyone, signed in or not. Every route is either @Public or names a permission. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_ROUTE, true);
}

/** The caller must be signed in and their role must grant this permission (packages/contracts). */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in (UNAUTHENTICATED)', type: ErrorResponseDto }),
    ApiForbiddenResponse({
      description: `Requires permission ${permission} (FORBIDDEN)`,
      type: ErrorResponseDto,
    }),
  );
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without authentication');
  return request.user;
});
