import { Permission } from '@hocvu/contracts';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import {
  BulkEnrolmentDto,
  BulkEnrolmentResultDto,
  EnrolmentDto,
  LearnerOutlineDto,
  LearningItemDto,
  LessonContentDto,
} from './dto/learning.dto';
import { LearningService } from './learning.service';

const uuid = new ParseUUIDPipe();

@ApiTags('learning')
@Controller()
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @Post('courses/:id/enrolment')
  @RequirePermission(Permission.LearningAccess)
  @ApiCreatedResponse({ type: EnrolmentDto, description: '201 when enrolled now, 200 when already enrolled' })
  async enrol(
    @Param('id', uuid) id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnrolmentDto> {
    const { enrolment, created } = await this.learning.enrol(id, user);
    void reply.status(created ? 201 : 200);
    return enrolment;
  }

  @Get('me/learning')
  @RequirePermission(Permission.LearningAccess)
  @ApiOkResponse({ type: [LearningItemDto] })
  myLearning(@CurrentUser() user: AuthUser): Promise<LearningItemDto[]> {
    return this.learning.myLearning(user);
  }

  @Get('learn/:courseId')
  @RequirePermission(Permission.LearningAccess)
  @ApiOkResponse({
    type: LearnerOutlineDto,
    description: 'Sends ETag; answers 304 to a current If-None-Match',
  })
  async outline(
    @Param('courseId', uuid) courseId: string,
    @CurrentUser() user: AuthUser,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { etag, outline } = await this.learning.outline(courseId, user, ifNoneMatch);
    // Private: it carries this learner's progress. no-cache: always revalidate, usually a 304.
    void reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (outline === null) void reply.status(304).send();
    else void reply.send(outline);
  }

  @Get('learn/:courseId/lessons/:lessonId')
  @RequirePermission(Permission.LearningAccess)
  @ApiOkResponse({ type: LessonContentDto })
  lesson(
    @Param('courseId', uuid) courseId: string,
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<LessonContentDto> {
    return this.learning.lesson(courseId, lessonId, user);
  }

  @Post('learn/:courseId/lessons/:lessonId/complete')
  @HttpCode(200)
  @RequirePermission(Permission.LearningAccess)
  @ApiOkResponse({ type: LearnerOutlineDto })
  complete(
    @Param('courseId', uuid) courseId: string,
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<LearnerOutlineDto> {
    return this.learning.completeArticle(courseId, lessonId, user);
  }

  @Post('enrolments/bulk')
  @HttpCode(200)
  @RequirePermission(Permission.EnrolmentBulk)
  @ApiOkResponse({ type: BulkEnrolmentResultDto })
  bulk(
    @Body() dto: BulkEnrolmentDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<BulkEnrolmentResultDto> {
    return this.learning.bulkEnrol(dto, actor, request.id);
  }
}
