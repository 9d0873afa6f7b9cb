import { AuthorQuestion } from '@hocvu/assessment';
import { Permission } from '@hocvu/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { BodyLimit } from '../../common/http/route-body-limit';
import {
  QuestionBodyDto,
  QuestionDto,
  QuestionImageUploadDto,
  QuestionImportDto,
  QuestionImportResultDto,
  QuestionListDto,
  UploadedQuestionImageDto,
  XLSX_BASE64_MAX_LENGTH,
} from './dto/question.dto';
import { QuestionBankService } from './question-bank.service';
import {
  CSV_MEDIA_TYPE,
  questionTemplateCsv,
  questionTemplateXlsx,
  TEMPLATE_FILE_NAME,
  XLSX_MEDIA_TYPE,
} from './question-template';

const uuid = new ParseUUIDPipe();

/** The question bank of a course, for its editors (questions carry their answers), and its import template. */
@ApiTags('studio')
@Controller('studio')
@RequirePermission(Permission.CourseAuthor)
export class QuestionBankController {
  constructor(private readonly bank: QuestionBankService) {}

  @Get('courses/:id/questions')
  @ApiQuery({ name: 'tag', required: false })
  @ApiOkResponse({ type: QuestionListDto })
  list(
    @Param('id', uuid) courseId: string,
    @Query('tag') tag: string | undefined,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionListDto> {
    return this.bank.list(courseId, actor, tag || undefined);
  }

  @Post('courses/:id/questions')
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'QUESTION_INVALID with details.problems' })
  create(
    @Param('id', uuid) courseId: string,
    @Body() body: QuestionBodyDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionDto> {
    return this.bank.create(courseId, body as AuthorQuestion, actor);
  }

  @Post('courses/:id/questions/import')
  @HttpCode(200)
  @BodyLimit(XLSX_BASE64_MAX_LENGTH + 16 * 1024)
  @ApiOperation({ summary: 'Import the question template, as CSV text or as an XLSX workbook in base64' })
  @ApiOkResponse({ type: QuestionImportResultDto, description: 'Valid rows imported, invalid rows listed' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'IMPORT_INVALID: the file cannot be read (not CSV, not an XLSX workbook, over 5 MB); ' +
      'VALIDATION_FAILED: neither or both of csv and xlsx',
  })
  importQuestions(
    @Param('id', uuid) courseId: string,
    @Body() body: QuestionImportDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionImportResultDto> {
    // The DTO lets exactly one of the two through.
    const file = body.xlsx !== undefined ? { xlsx: body.xlsx } : { csv: body.csv ?? '' };
    return this.bank.importFile(courseId, file, actor);
  }

  @Post('courses/:id/question-images')
  @ApiCreatedResponse({ type: UploadedQuestionImageDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'QUESTION_IMAGE_INVALID' })
  uploadImage(
    @Param('id', uuid) courseId: string,
    @Body() dto: QuestionImageUploadDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UploadedQuestionImageDto> {
    return this.bank.uploadImage(courseId, dto.image, actor);
  }

  @Get('question-template.xlsx')
  @Header('content-type', XLSX_MEDIA_TYPE)
  @Header('content-disposition', `attachment; filename="${TEMPLATE_FILE_NAME}.xlsx"`)
  @ApiOperation({ summary: 'The question template as an XLSX workbook, with two example questions' })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  templateXlsx(): Promise<Buffer> {
    return questionTemplateXlsx();
  }

  @Get('question-template.csv')
  @Header('content-type', CSV_MEDIA_TYPE)
  @Header('content-disposition', `attachment; filename="${TEMPLATE_FILE_NAME}.csv"`)
  @ApiOperation({ summary: 'The question template as CSV (UTF-8), with two example questions' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  templateCsv(): string {
    return questionTemplateCsv();
  }

  @Put('questions/:id')
  @ApiOkResponse({ type: QuestionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'QUESTION_INVALID with details.problems' })
  replace(
    @Param('id', uuid) questionId: string,
    @Body() body: QuestionBodyDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionDto> {
    return this.bank.replace(questionId, body as AuthorQuestion, actor);
  }

  @Delete('questions/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', uuid) questionId: string, @CurrentUser() actor: AuthUser): Promise<void> {
    return this.bank.remove(questionId, actor);
  }
}
