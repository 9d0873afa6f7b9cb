import { Permission } from '@hocvu/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UpdateQuizDto } from '../quizzes/dto/quiz-settings.dto';
import { CourseStudioService } from './course-studio.service';
import {
  AddCoTeacherDto,
  CourseOrderDto,
  CourseVersionDto,
  CoverImageDto,
  CreateCourseDto,
  CreateLessonDto,
  SectionTitleDto,
  StudioCourseDto,
  StudioCourseListDto,
  StudioLessonDto,
  UpdateCourseDto,
  UpdateLessonDto,
} from './dto/studio.dto';

const uuid = new ParseUUIDPipe();

/** The teacher studio. Every route needs course.author; the service also checks ownership. */
@ApiTags('studio')
@Controller('studio')
@RequirePermission(Permission.CourseAuthor)
export class CourseStudioController {
  constructor(private readonly studio: CourseStudioService) {}

  @Get('courses')
  @ApiOkResponse({ type: StudioCourseListDto })
  list(@CurrentUser() actor: AuthUser): Promise<StudioCourseListDto> {
    return this.studio.list(actor);
  }

  @Post('courses')
  @ApiCreatedResponse({ type: StudioCourseDto })
  create(@Body() dto: CreateCourseDto, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.create(dto, actor);
  }

  @Get('courses/:id')
  @ApiOkResponse({ type: StudioCourseDto })
  get(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.get(id, actor);
  }

  @Patch('courses/:id')
  @ApiOkResponse({ type: StudioCourseDto })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateCourseDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.update(id, dto, actor);
  }

  @Put('courses/:id/order')
  @ApiOkResponse({ type: StudioCourseDto })
  reorder(
    @Param('id', uuid) id: string,
    @Body() dto: CourseOrderDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.reorder(id, dto, actor);
  }

  @Post('courses/:id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCourseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'COURSE_EMPTY, or LESSON_VIDEO_NOT_READY with details.lessonIds',
  })
  publish(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.publish(id, actor);
  }

  @Post('courses/:id/unpublish')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCourseDto })
  unpublish(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.unpublish(id, actor);
  }

  @Put('courses/:id/cover')
  @ApiOkResponse({ type: StudioCourseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'COVER_INVALID' })
  setCover(
    @Param('id', uuid) id: string,
    @Body() body: CoverImageDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.setCover(id, body.image, actor);
  }

  @Delete('courses/:id/cover')
  @ApiOkResponse({ type: StudioCourseDto })
  removeCover(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.removeCover(id, actor);
  }

  @Post('courses/:id/archive')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'COURSE_NOT_OPEN: never published' })
  @ApiOkResponse({
    type: StudioCourseDto,
    description: 'Leaves the catalogue; enrolled learners keep access',
  })
  archive(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.archive(id, actor);
  }

  @Get('courses/:id/versions')
  @ApiOkResponse({ type: [CourseVersionDto] })
  versions(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<CourseVersionDto[]> {
    return this.studio.versions(id, actor);
  }

  @Post('courses/:id/co-teachers')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCourseDto })
  addCoTeacher(
    @Param('id', uuid) id: string,
    @Body() dto: AddCoTeacherDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.addCoTeacher(id, dto.phone, actor);
  }

  @Delete('courses/:id/co-teachers/:userId')
  @ApiOkResponse({ type: StudioCourseDto })
  removeCoTeacher(
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.removeCoTeacher(id, userId, actor);
  }

  @Post('courses/:id/sections')
  @ApiCreatedResponse({ type: StudioCourseDto })
  addSection(
    @Param('id', uuid) id: string,
    @Body() dto: SectionTitleDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.addSection(id, dto.title, actor);
  }

  @Patch('sections/:id')
  @ApiOkResponse({ type: StudioCourseDto })
  renameSection(
    @Param('id', uuid) id: string,
    @Body() dto: SectionTitleDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.renameSection(id, dto.title, actor);
  }

  @Delete('sections/:id')
  @ApiOkResponse({ type: StudioCourseDto })
  deleteSection(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.deleteSection(id, actor);
  }

  @Post('sections/:id/lessons')
  @ApiCreatedResponse({ type: StudioCourseDto })
  addLesson(
    @Param('id', uuid) id: string,
    @Body() dto: CreateLessonDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioCourseDto> {
    return this.studio.addLesson(id, dto, actor);
  }

  @Get('lessons/:id')
  @ApiOkResponse({ type: StudioLessonDto })
  getLesson(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioLessonDto> {
    return this.studio.getLesson(id, actor);
  }

  @Patch('lessons/:id')
  @ApiOkResponse({ type: StudioLessonDto })
  updateLesson(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateLessonDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioLessonDto> {
    return this.studio.updateLesson(id, dto, actor);
  }

  @Put('lessons/:id/quiz')
  @ApiOkResponse({ type: StudioLessonDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'QUIZ_SETTINGS_INVALID' })
  updateQuiz(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateQuizDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioLessonDto> {
    return this.studio.updateQuiz(id, dto, actor);
  }

  @Delete('lessons/:id')
  @ApiOkResponse({ type: StudioCourseDto })
  deleteLesson(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<StudioCourseDto> {
    return this.studio.deleteLesson(id, actor);
  }
}
