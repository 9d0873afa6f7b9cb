import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Public } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { ApiConfig } from '../../config/api-config';
import { AuthService, ClientInfo, IssuedSession } from './auth.service';
import { LoginDto, RegisterDto, SessionDto } from './dto/auth.dto';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: ApiConfig,
  ) {}

  @Post('register')
  @Public()
  @ApiCreatedResponse({ type: SessionDto, description: 'Signed up and signed in; sets the refresh cookie' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED with the fields and rules',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PHONE_TAKEN or EMAIL_TAKEN' })
  async register(
    @Body() dto: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return this.withCookie(reply, await this.auth.register(dto, clientInfo(request)));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto, description: 'Signed in; sets the refresh cookie' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'RATE_LIMITED, with Retry-After' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return this.withCookie(reply, await this.auth.login(dto, clientInfo(request)));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto, description: 'A new access token; the refresh cookie is rotated' })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED',
  })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    try {
      return this.withCookie(
        reply,
        await this.auth.refresh(request.cookies[REFRESH_COOKIE], clientInfo(request)),
      );
    } catch (error) {
      this.clearCookie(reply);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Session revoked and cookie cleared (also when already signed out)' })
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(request.cookies[REFRESH_COOKIE]);
    this.clearCookie(reply);
  }

  private withCookie(reply: FastifyReply, session: IssuedSession): SessionDto {
    setRefreshCookie(reply, this.config, session.refreshToken);
    return session.body;
  }

  private clearCookie(reply: FastifyReply): void {
    clearRefreshCookie(reply, this.config);
  }
}

function clientInfo(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    requestId: request.id,
  };
}
