import { Permission, roleHasPermission } from '@hocvu/contracts';
import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

import { AppError } from '../errors/app-error';
import { AuthUser } from './auth-user';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';

/**
 * Global guard, deny by default: a route runs only if it is marked @Public or the caller's role
 * grants the permission the route names. A route with neither marking is refused (and a test
 * lists all routes to make sure none is left unmarked).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} names no permission`);
      throw AppError.forbidden();
    }
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (!roleHasPermission(user.role, permission)) throw AppError.forbidden();
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw AppError.unauthenticated();
    return user;
  }
}
