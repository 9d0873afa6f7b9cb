import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import {
  CreateStaffDto,
  PasswordResetDto,
  UserListQueryDto,
  UserPageDto,
  UserSummaryDto,
} from './dto/user.dto';
import { UsersService } from './users.service';

/** Administration of accounts. Commune admins are scoped to their commune inside the service. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UserList)
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto, @CurrentUser() actor: AuthUser): Promise<UserPageDto> {
    return this.users.list(query, actor);
  }

  @Post()
  @RequirePermission(Permission.UserCreateStaff)
  @ApiCreatedResponse({ type: UserSummaryDto })
  @ApiConflictResponse({ description: 'PHONE_TAKEN or EMAIL_TAKEN', type: ErrorResponseDto })
  createStaff(
    @Body() dto: CreateStaffDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<UserSummaryDto> {
    return this.users.createStaff(dto, actor, { requestId: request.id });
  }

  @Get(':id')
  @RequirePermission(Permission.UserRead)
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND', type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthUser): Promise<UserSummaryDto> {
    return this.users.summary(id, actor);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @RequirePermission(Permission.UserResetPassword)
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND', type: ErrorResponseDto })
  resetPassword(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<PasswordResetDto> {
    return this.users.resetPassword(id, actor, { requestId: request.id });
  }
}
