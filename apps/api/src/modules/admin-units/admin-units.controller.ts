import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { AuditService } from '../audit/audit.service';
import { AdminUnitsService } from './admin-units.service';
import {
  AdminUnitDto,
  AdminUnitQueryDto,
  ImportAdminUnitsDto,
  ImportAdminUnitsResultDto,
} from './dto/admin-unit.dto';

@ApiTags('admin-units')
@Controller('admin-units')
export class AdminUnitsController {
  constructor(
    private readonly units: AdminUnitsService,
    private readonly audit: AuditService,
  ) {}

  /** Public: the sign-up form needs the commune list before anyone is signed in. */
  @Get()
  @Public()
  @ApiOkResponse({ type: [AdminUnitDto] })
  list(@Query() query: AdminUnitQueryDto): Promise<AdminUnitDto[]> {
    return this.units.list(query);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permission.AdminUnitImport)
  @ApiOkResponse({ type: ImportAdminUnitsResultDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'IMPORT_INVALID with { line, message } per bad row',
  })
  async import(
    @Body() dto: ImportAdminUnitsDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<ImportAdminUnitsResultDto> {
    const result = await this.units.importCsv(dto.provinceCode, dto.provinceName, dto.csv);
    await this.audit.record({
      actorId: actor.id,
      action: 'admin_unit.import',
      targetType: 'province',
      targetId: dto.provinceCode,
      details: { ...result },
      requestId: request.id,
    });
    return result;
  }
}
