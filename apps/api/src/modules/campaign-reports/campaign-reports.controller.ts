import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { CampaignReportsService } from './campaign-reports.service';
import {
  CampaignReportDto,
  CampaignReportFormatParamDto,
  CampaignReportIdParamDto,
  CampaignReportListDto,
  CampaignReportQueryDto,
  RequestCampaignReportDto,
} from './dto/campaign-report.dto';

const notFound = { type: ErrorResponseDto, description: 'CAMPAIGN_REPORT_NOT_FOUND (or another commune’s)' };

/** Quarterly campaign reports: request one, follow its progress, download its XLSX and PDF. */
@ApiTags('campaign')
@Controller('campaign/reports')
export class CampaignReportsController {
  constructor(private readonly reports: CampaignReportsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission(Permission.CampaignReportGenerate)
  @ApiOperation({
    summary: 'Generate a quarterly report now (the worker does; poll the report for progress)',
    description:
      'Answers 202 with the new report, or 200 with the one of that unit and quarter already being generated.',
  })
  @ApiAcceptedResponse({ type: CampaignReportDto })
  @ApiOkResponse({ type: CampaignReportDto, description: 'The same quarter is already being generated' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, CAMPAIGN_REPORT_QUARTER_IN_FUTURE',
  })
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: 'UNIT_OUT_OF_SCOPE (another commune than yours)',
  })
  async request(
    @Body() dto: RequestCampaignReportDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampaignReportDto> {
    const { report, created } = await this.reports.request(dto, actor, { requestId: request.id });
    if (!created) void reply.status(200);
    return report;
  }

  @Get()
  @RequirePermission(Permission.CampaignRead)
  @ApiOperation({ summary: 'Reports, newest first (commune admins: their commune’s)' })
  @ApiOkResponse({ type: CampaignReportListDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'UNIT_OUT_OF_SCOPE' })
  async list(
    @Query() query: CampaignReportQueryDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<CampaignReportListDto> {
    return { items: await this.reports.list(query.unitId, actor) };
  }

  @Get(':id')
  @RequirePermission(Permission.CampaignRead)
  @ApiOperation({ summary: 'One report: its state and progress while generated, its files once done' })
  @ApiOkResponse({ type: CampaignReportDto })
  @ApiNotFoundResponse(notFound)
  get(@Param() params: CampaignReportIdParamDto, @CurrentUser() actor: AuthUser): Promise<CampaignReportDto> {
    return this.reports.get(params.id, actor);
  }

  @Get(':id/:format')
  @RequirePermission(Permission.CampaignRead)
  @ApiOperation({ summary: 'Download a finished report as XLSX or PDF' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_REPORT_NOT_READY' })
  async file(
    @Param() params: CampaignReportFormatParamDto,
    @CurrentUser() actor: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const file = await this.reports.file(params.id, params.format, actor);
    void reply
      .header('content-type', file.contentType)
      .header('content-length', file.bytes)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'private, no-store');
    return file.body;
  }
}
