import { Permission } from '@hocvu/contracts';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { VillageImportResultDto, VillageListDto, VillagePreviewDto } from './dto/village.dto';
import { VillagesService } from './villages.service';

const uuid = new ParseUUIDPipe();
const outOfScope = { type: ErrorResponseDto, description: 'UNIT_OUT_OF_SCOPE (another commune than yours)' };
const notFound = { type: ErrorResponseDto, description: 'ADMIN_UNIT_NOT_FOUND (no such commune or ward)' };

/**
 * A commune's villages (thôn, bản, tổ dân phố), imported from a pasted list, a CSV or an XLSX file.
 * Listing them is the public `GET /api/admin-units?kind=village&parentId=…`.
 */
@ApiTags('admin-units')
@Controller('admin-units/:communeId/villages')
export class VillagesController {
  constructor(private readonly villages: VillagesService) {}

  @Post('preview')
  @HttpCode(200)
  @RequirePermission(Permission.VillageImport)
  @ApiOperation({ summary: 'Dry run of a village list: each line new or existing, problems per line' })
  @ApiOkResponse({ type: VillagePreviewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'IMPORT_INVALID (empty or unreadable file)' })
  @ApiForbiddenResponse(outOfScope)
  @ApiNotFoundResponse(notFound)
  preview(
    @Param('communeId', uuid) communeId: string,
    @Body() body: VillageListDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<VillagePreviewDto> {
    return this.villages.preview(communeId, body, actor);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permission.VillageImport)
  @ApiOperation({
    summary:
      'Adds the new villages in one transaction, keeps the existing ones (population updated); never deletes',
  })
  @ApiOkResponse({ type: VillageImportResultDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'IMPORT_INVALID: details lists { line, code, message } per bad line; nothing imported',
  })
  @ApiForbiddenResponse(outOfScope)
  @ApiNotFoundResponse(notFound)
  import(
    @Param('communeId', uuid) communeId: string,
    @Body() body: VillageListDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<VillageImportResultDto> {
    return this.villages.import(communeId, body, actor, request.id);
  }
}
