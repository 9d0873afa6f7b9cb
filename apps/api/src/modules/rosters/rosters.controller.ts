import { Permission } from '@hocvu/contracts';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { BodyLimit } from '../../common/http/route-body-limit';
import {
  ROSTER_BODY_LIMIT,
  RosterEnrolDto,
  RosterEnrolResultDto,
  RosterFileDto,
  RosterImportResultDto,
  RosterPreviewDto,
} from './dto/roster.dto';
import {
  CSV_MEDIA_TYPE,
  REPORT_FILE_NAME,
  rosterTemplateCsv,
  rosterTemplateXlsx,
  TEMPLATE_FILE_NAME,
  XLSX_MEDIA_TYPE,
} from './roster-export';
import { fileTooLarge, RosterUpload } from './roster-file';
import { RostersService } from './rosters.service';

const uuid = new ParseUUIDPipe();

const FILE_ERRORS =
  'IMPORT_INVALID: not CSV / not an XLSX workbook; ROSTER_COLUMNS_INVALID: a required column is missing or ' +
  'doubled (details.problems); VALIDATION_FAILED: neither or both of csv and xlsx';
const TOO_LARGE =
  'ROSTER_FILE_TOO_LARGE: a file over 10 MB (a request body too large to hold one is refused with it ' +
  'before it is read); ROSTER_TOO_MANY_ROWS: over 50,000 rows';

/**
 * Rosters: learners imported from a class or staff list (CSV or XLSX), previewed first, then created
 * in one transaction, then enrolled in a course. Commune admins work in their own commune only.
 */
@ApiTags('rosters')
@Controller('rosters')
export class RostersController {
  constructor(private readonly rosters: RostersService) {}

  @Post('preview')
  @HttpCode(200)
  @RequirePermission(Permission.RosterImport)
  @BodyLimit(ROSTER_BODY_LIMIT, fileTooLarge)
  @ApiOperation({
    summary: 'Dry run: every row checked (columns, phones, communes, duplicates), nothing written',
  })
  @ApiOkResponse({ type: RosterPreviewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: FILE_ERRORS })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: TOO_LARGE })
  preview(@Body() body: RosterFileDto, @CurrentUser() actor: AuthUser): Promise<RosterPreviewDto> {
    return this.rosters.preview(uploadOf(body), actor);
  }

  @Post('problems.csv')
  @HttpCode(200)
  @RequirePermission(Permission.RosterImport)
  @BodyLimit(ROSTER_BODY_LIMIT, fileTooLarge)
  @ApiOperation({
    summary: "The dry run's row report as CSV (formulas in cells neutralised: shown as text, never run)",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: FILE_ERRORS })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: TOO_LARGE })
  async problemsCsv(
    @Body() body: RosterFileDto,
    @CurrentUser() actor: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const csv = await this.rosters.problemsCsv(uploadOf(body), actor);
    // Set on success only: an error must keep its JSON content type.
    void reply
      .header('content-type', CSV_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${REPORT_FILE_NAME}.csv"`);
    return csv;
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permission.RosterImport)
  @BodyLimit(ROSTER_BODY_LIMIT, fileTooLarge)
  @ApiOperation({
    summary:
      'Creates the valid rows as learners in one transaction; rows matching an account by phone or citizen id are not duplicated',
  })
  @ApiOkResponse({ type: RosterImportResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: FILE_ERRORS })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: TOO_LARGE })
  import(
    @Body() body: RosterFileDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<RosterImportResultDto> {
    return this.rosters.import(uploadOf(body), actor, request.id);
  }

  @Post('imports/:importId/enrol')
  @HttpCode(200)
  @RequirePermission(Permission.EnrolmentBulk)
  @ApiOperation({ summary: "Enrols an import's learners (created and existing) in a published course" })
  @ApiOkResponse({ type: RosterEnrolResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ROSTER_IMPORT_NOT_FOUND, COURSE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'COURSE_NOT_OPEN' })
  enrol(
    @Param('importId', uuid) importId: string,
    @Body() body: RosterEnrolDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<RosterEnrolResultDto> {
    return this.rosters.enrol(importId, body.courseId, actor, request.id);
  }

  @Get('template.xlsx')
  @RequirePermission(Permission.RosterImport)
  @Header('content-type', XLSX_MEDIA_TYPE)
  @Header('content-disposition', `attachment; filename="${TEMPLATE_FILE_NAME}.xlsx"`)
  @ApiOperation({
    summary: 'The roster template as an XLSX workbook, with a guide sheet and two example rows',
  })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  templateXlsx(): Promise<Buffer> {
    return rosterTemplateXlsx();
  }

  @Get('template.csv')
  @RequirePermission(Permission.RosterImport)
  @Header('content-type', CSV_MEDIA_TYPE)
  @Header('content-disposition', `attachment; filename="${TEMPLATE_FILE_NAME}.csv"`)
  @ApiOperation({ summary: 'The roster template as CSV (UTF-8), with two example rows' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  templateCsv(): string {
    return rosterTemplateCsv();
  }
}

function uploadOf(body: RosterFileDto): RosterUpload {
  // The DTO lets exactly one of the two through.
  return body.xlsx !== undefined ? { xlsx: body.xlsx } : { csv: body.csv ?? '' };
}
