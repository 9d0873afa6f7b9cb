import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { AttemptsService } from './attempts.service';
import { AttemptDto, QuizOverviewDto, SaveAnswerDto, SavedAnswerDto } from './dto/attempt.dto';

const uuid = new ParseUUIDPipe();

/** A learner's quiz attempts. Attempts of other learners answer 404 ATTEMPT_NOT_FOUND. */
@ApiTags('quizzes')
@Controller()
@RequirePermission(Permission.LearningAccess)
export class AttemptsController {
  constructor(private readonly attempts: AttemptsService) {}

  @Get('learn/:courseId/quizzes/:lessonId')
  @ApiOkResponse({ type: QuizOverviewDto })
  overview(
    @Param('courseId', uuid) courseId: string,
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<QuizOverviewDto> {
    return this.attempts.overview(courseId, lessonId, user);
  }

  @Post('learn/:courseId/quizzes/:lessonId/attempts')
  @ApiCreatedResponse({
    type: AttemptDto,
    description: '201 when started now, 200 when the open attempt resumes',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'NO_ATTEMPTS_LEFT, ATTEMPT_COOLING_DOWN (details.retryAt, Retry-After), QUIZ_UNAVAILABLE',
  })
  async start(
    @Param('courseId', uuid) courseId: string,
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptDto> {
    const { attempt, created } = await this.attempts.start(courseId, lessonId, user);
    void reply.status(created ? 201 : 200);
    return attempt;
  }

  @Get('attempts/:id')
  @ApiOkResponse({ type: AttemptDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ATTEMPT_NOT_FOUND' })
  get(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<AttemptDto> {
    return this.attempts.describe(id, user);
  }

  @Put('attempts/:id/answers/:questionId')
  @ApiOkResponse({ type: SavedAnswerDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'QUESTION_NOT_IN_ATTEMPT, ANSWER_INVALID',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ATTEMPT_CLOSED, ANSWER_LOCKED' })
  saveAnswer(
    @Param('id', uuid) id: string,
    @Param('questionId', uuid) questionId: string,
    @Body() dto: SaveAnswerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SavedAnswerDto> {
    return this.attempts.saveAnswer(id, questionId, dto, user);
  }

  @Post('attempts/:id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: AttemptDto, description: 'Idempotent: a repeated submit returns the same result' })
  submit(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<AttemptDto> {
    return this.attempts.submit(id, user);
  }
}
