import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { CampaignService } from './campaign.service';
import {
  DashboardDto,
  DashboardQueryDto,
  PutTargetDto,
  StatsRefreshQueuedDto,
  TargetDto,
  TargetListDto,
  TargetQueryDto,
} from './dto/campaign.dto';

const outOfScope = { type: ErrorResponseDto, description: 'UNIT_OUT_OF_SCOPE (another commune than yours)' };

/** Campaign dashboards and yearly targets (docs/campaign.md). */
@ApiTags('campaign')
@Controller('campaign')
export class CampaignController {
  constructor(private readonly campaign: CampaignService) {}

  @Get('dashboard')
  @RequirePermission(Permission.CampaignRead)
  @ApiOperation({
    summary: 'Funnel against targets, weekly series, communes ranked, breakdowns (aggregates ≤ 5 min old)',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiForbiddenResponse(outOfScope)
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOT_FOUND (no such province or commune)' })
  dashboard(@Query() query: DashboardQueryDto, @CurrentUser() actor: AuthUser): Promise<DashboardDto> {
    return this.campaign.dashboard(query, actor);
  }

  @Post('stats/refresh')
  @HttpCode(202)
  @RequirePermission(Permission.CampaignRead)
  @ApiOperation({ summary: 'Refresh the dashboards’ aggregates now rather than at the next 5-minute run' })
  @ApiAcceptedResponse({
    type: StatsRefreshQueuedDto,
    description: 'Queued; refreshedAt moves within seconds',
  })
  refresh(): Promise<StatsRefreshQueuedDto> {
    return this.campaign.refreshNow();
  }

  @Get('targets')
  @RequirePermission(Permission.CampaignRead)
  @ApiOkResponse({ type: TargetListDto })
  @ApiForbiddenResponse(outOfScope)
  async targets(@Query() query: TargetQueryDto, @CurrentUser() actor: AuthUser): Promise<TargetListDto> {
    return { items: await this.campaign.targets(query.year, query.unitId, actor) };
  }

  @Put('targets')
  @RequirePermission(Permission.CampaignTargetsManage)
  @ApiOperation({ summary: 'Set (create or replace) one yearly target of a unit, target group and stage' })
  @ApiOkResponse({ type: TargetDto })
  putTarget(
    @Body() dto: PutTargetDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<TargetDto> {
    return this.campaign.putTarget(dto, actor, { requestId: request.id });
  }
}
