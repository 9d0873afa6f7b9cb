import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { ChangePasswordDto, UpdateProfileDto, UserProfileDto } from './dto/user.dto';
import { UsersService } from './users.service';

/** The signed-in person's own profile. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  @ApiOkResponse({ type: UserProfileDto })
  get(@CurrentUser() user: AuthUser): Promise<UserProfileDto> {
    return this.users.profile(user.id);
  }

  @Patch()
  @RequirePermission(Permission.ProfileUpdate)
  @ApiOkResponse({ type: UserProfileDto })
  @ApiForbiddenResponse({
    description: 'FORBIDDEN: staff cannot change their own commune (only learners move)',
    type: ErrorResponseDto,
  })
  update(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateProfileDto,
    @Req() request: FastifyRequest,
  ): Promise<UserProfileDto> {
    return this.users.updateProfile(user.id, dto, { requestId: request.id });
  }

  @Post('password')
  @HttpCode(204)
  @RequirePermission(Permission.ProfileUpdate)
  @ApiNoContentResponse({ description: 'Password changed; other devices are signed out' })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS: the current password is wrong',
    type: ErrorResponseDto,
  })
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.users.changePassword(user.id, user.sessionId, dto);
  }
}
