import { Permission } from '@hocvu/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { CommunitySessionsService } from './community-sessions.service';
import {
  CancelCommunitySessionDto,
  CandidateListDto,
  CandidateQueryDto,
  CommunitySessionDetailDto,
  CommunitySessionDto,
  CommunitySessionListQueryDto,
  CommunitySessionPageDto,
  CreateCommunitySessionDto,
  ListAttendanceResultDto,
  MyQrDto,
  QrAttendanceResultDto,
  RecordListAttendanceDto,
  RecordQrAttendanceDto,
  SessionEnrolResultDto,
} from './dto/community-session.dto';
import { LearnerQrService } from './learner-qr.service';

const uuid = new ParseUUIDPipe();
const outOfScope = {
  type: ErrorResponseDto,
  description: 'UNIT_OUT_OF_SCOPE (another commune than yours, or a teacher without a commune)',
};
const notFound = {
  type: ErrorResponseDto,
  description: 'COMMUNITY_SESSION_NOT_FOUND (also another commune’s session)',
};
const closed = {
  type: ErrorResponseDto,
  description: 'COMMUNITY_SESSION_CANCELLED; COMMUNITY_SESSION_NOT_STARTED (opens 12 h before the start)',
};

/** Community sessions: a commune's in-person classes and who came (docs/campaign.md). */
@ApiTags('community-sessions')
@Controller('community-sessions')
export class CommunitySessionsController {
  constructor(private readonly sessions: CommunitySessionsService) {}

  @Post()
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Schedule a community session (place, time, optional course)' })
  @ApiCreatedResponse({ type: CommunitySessionDto })
  @ApiForbiddenResponse(outOfScope)
  create(
    @Body() dto: CreateCommunitySessionDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<CommunitySessionDto> {
    return this.sessions.create(dto, actor, request.id);
  }

  @Get()
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Upcoming (soonest first) or past (latest first) sessions of your commune' })
  @ApiOkResponse({ type: CommunitySessionPageDto })
  @ApiForbiddenResponse(outOfScope)
  list(
    @Query() query: CommunitySessionListQueryDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<CommunitySessionPageDto> {
    return this.sessions.list(query, actor);
  }

  @Get(':id')
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOkResponse({ type: CommunitySessionDetailDto })
  @ApiNotFoundResponse(notFound)
  get(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<CommunitySessionDetailDto> {
    return this.sessions.get(id, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Cancel a session (kept, marked; cancelling again changes nothing)' })
  @ApiOkResponse({ type: CommunitySessionDto })
  @ApiNotFoundResponse(notFound)
  cancel(
    @Param('id', uuid) id: string,
    @Body() dto: CancelCommunitySessionDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<CommunitySessionDto> {
    return this.sessions.cancel(id, dto.reason, actor, request.id);
  }

  @Get(':id/learners')
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Learners of the session’s commune to tick, by name or phone (phones masked)' })
  @ApiOkResponse({ type: CandidateListDto })
  @ApiNotFoundResponse(notFound)
  candidates(
    @Param('id', uuid) id: string,
    @Query() query: CandidateQueryDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<CandidateListDto> {
    return this.sessions.candidates(id, query, actor);
  }

  @Post(':id/attendance/qr')
  @HttpCode(200)
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Record the learner whose QR code was scanned or typed (a rescan records once)' })
  @ApiOkResponse({ type: QrAttendanceResultDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'QR_TOKEN_UNKNOWN (forged, renewed, or another commune’s); COMMUNITY_SESSION_NOT_FOUND',
  })
  @ApiConflictResponse(closed)
  recordQr(
    @Param('id', uuid) id: string,
    @Body() dto: RecordQrAttendanceDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QrAttendanceResultDto> {
    return this.sessions.recordQr(id, dto.token, actor);
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Record learners ticked on the list (all of the session’s commune, or none)' })
  @ApiOkResponse({ type: ListAttendanceResultDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'USER_NOT_FOUND (someone not a learner of the commune); COMMUNITY_SESSION_NOT_FOUND',
  })
  @ApiConflictResponse(closed)
  recordList(
    @Param('id', uuid) id: string,
    @Body() dto: RecordListAttendanceDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<ListAttendanceResultDto> {
    return this.sessions.recordList(id, dto.userIds, actor);
  }

  @Delete(':id/attendance/:userId')
  @HttpCode(204)
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Take back an attendance recorded by mistake (audited)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse(notFound)
  removeAttendance(
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.sessions.removeAttendance(id, userId, actor, request.id);
  }

  @Post(':id/enrol')
  @HttpCode(200)
  @RequirePermission(Permission.CommunitySessionManage)
  @ApiOperation({ summary: 'Enrol everyone recorded at the session in its course' })
  @ApiOkResponse({ type: SessionEnrolResultDto })
  @ApiNotFoundResponse(notFound)
  enrol(
    @Param('id', uuid) id: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<SessionEnrolResultDto> {
    return this.sessions.enrolAttendees(id, actor, request.id);
  }
}

/** The learner's own attendance QR code. */
@ApiTags('community-sessions')
@Controller('me/qr')
export class MyQrController {
  constructor(private readonly qr: LearnerQrService) {}

  @Get()
  @RequirePermission(Permission.LearningAccess)
  @ApiOperation({ summary: 'My attendance QR code (a random code, no personal data); issued on first view' })
  @ApiOkResponse({ type: MyQrDto })
  mine(@CurrentUser() actor: AuthUser): Promise<MyQrDto> {
    return this.qr.mine(actor);
  }

  @Post('renew')
  @HttpCode(200)
  @RequirePermission(Permission.LearningAccess)
  @ApiOperation({ summary: 'Replace my QR code (the old one stops working)' })
  @ApiOkResponse({ type: MyQrDto })
  renew(@CurrentUser() actor: AuthUser, @Req() request: FastifyRequest): Promise<MyQrDto> {
    return this.qr.renew(actor, request.id);
  }
}
