import { AuthorQuestion } from '@hocvu/assessment';
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
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import {
  QuestionBodyDto,
  QuestionDto,
  QuestionImportDto,
  QuestionImportResultDto,
  QuestionListDto,
} from './dto/question.dto';
import { QuestionBankService } from './question-bank.service';

const uuid = new ParseUUIDPipe();

/** The question bank of a course, for its editors (questions carry their answers). */
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
  @ApiOkResponse({ type: QuestionImportResultDto, description: 'Valid rows imported, invalid rows listed' })
  importCsv(
    @Param('id', uuid) courseId: string,
    @Body() body: QuestionImportDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<QuestionImportResultDto> {
    return this.bank.importCsv(courseId, body.csv, actor);
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
