import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, RequirePermission } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { ApiConfig } from '../../config/api-config';
import { setRefreshCookie } from '../auth/refresh-cookie';
import { VneidRedirectDto, VneidStartDto } from './dto/vneid.dto';
import { VneidService } from './vneid.service';
import { FLOW_TTL_SECONDS } from './vneid-flows';

const FLOW_COOKIE = 'hocvu_vneid_flow';
/** Only the callback reads it. */
const FLOW_COOKIE_PATH = '/api/auth/vneid';
/** The portal page that finishes the round trip (apps/portal: features/auth). */
const PORTAL_LANDING = '/auth/vneid';

@ApiTags('auth')
@Controller()
export class VneidController {
  constructor(
    private readonly vneid: VneidService,
    private readonly config: ApiConfig,
  ) {}

  @Post('auth/vneid/start')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    type: VneidRedirectDto,
    description: 'Go to authorizationUrl; sets a short-lived flow cookie',
  })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'VNEID_UNAVAILABLE' })
  async start(
    @Body() dto: VneidStartDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VneidRedirectDto> {
    const { flowId, authorizationUrl } = await this.vneid.start(dto.returnTo ?? '/');
    this.setFlowCookie(reply, flowId);
    return { authorizationUrl };
  }

  @Post('me/vneid/link')
  @RequirePermission(Permission.ProfileUpdate)
  @HttpCode(200)
  @ApiOkResponse({
    type: VneidRedirectDto,
    description: 'Go to authorizationUrl to link VNeID to this account',
  })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'VNEID_UNAVAILABLE' })
  async link(
    @Body() dto: VneidStartDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VneidRedirectDto> {
    const { flowId, authorizationUrl } = await this.vneid.start(dto.returnTo ?? '/profile', user.id);
    this.setFlowCookie(reply, flowId);
    return { authorizationUrl };
  }

  /** Where VNeID sends the browser back: always answers with a redirect to the portal, never JSON. */
  @Get('auth/vneid/callback')
  @Public()
  @ApiFoundResponse({
    description:
      'Redirect to the portal: /auth/vneid?result=signed_in|linked&returnTo=… (refresh cookie set on sign-in) or ?error=CODE',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    void reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    const landing = new URL(PORTAL_LANDING, this.config.PUBLIC_URL);
    try {
      const outcome = await this.vneid.callback(request.cookies[FLOW_COOKIE], query, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      if (outcome.kind === 'signed_in') setRefreshCookie(reply, this.config, outcome.session.refreshToken);
      landing.searchParams.set('result', outcome.kind);
      landing.searchParams.set('returnTo', outcome.returnTo);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      landing.searchParams.set('error', error.code);
    }
    void reply.header('cache-control', 'no-store').redirect(landing.href, 302);
  }

  private setFlowCookie(reply: FastifyReply, flowId: string): void {
    void reply.setCookie(FLOW_COOKIE, flowId, {
      httpOnly: true,
      secure: this.config.COOKIE_SECURE,
      // Lax, not Strict: the callback is a top-level navigation coming from VNeID's site.
      sameSite: 'lax',
      path: FLOW_COOKIE_PATH,
      maxAge: FLOW_TTL_SECONDS,
    });
  }
}
