import { Permission } from '@hocvu/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  Head,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Server } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { FinishUploadDto, PutCaptionDto, StudioLessonVideoDto } from './dto/video.dto';
import { lessonOfUpload, parseUploadMetadata, TUS_SERVER } from './tus-server';
import { VideoStudioService } from './video-studio.service';

const uuid = new ParseUUIDPipe();
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Video lessons in the teacher studio: status of the upload and transcode, captions. */
@ApiTags('studio')
@Controller('studio/lessons/:lessonId')
@RequirePermission(Permission.CourseAuthor)
export class VideoStudioController {
  constructor(private readonly videos: VideoStudioService) {}

  @Get('video')
  @ApiOkResponse({ type: StudioLessonVideoDto, description: 'Poll while status is queued or processing' })
  get(
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioLessonVideoDto> {
    return this.videos.lessonVideo(lessonId, actor);
  }

  @Post('video')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Finish a tus upload: the file becomes the lesson video and is queued for transcoding',
  })
  @ApiOkResponse({ type: StudioLessonVideoDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UPLOAD_NOT_FOUND, LESSON_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'UPLOAD_INCOMPLETE: send the rest first' })
  finish(
    @Param('lessonId', uuid) lessonId: string,
    @Body() body: FinishUploadDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioLessonVideoDto> {
    return this.videos.finishUpload(lessonId, body.uploadId, actor);
  }

  @Post('video/retranscode')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioLessonVideoDto })
  retranscode(@Param('lessonId', uuid) lessonId: string, @CurrentUser() actor: AuthUser) {
    return this.videos.retranscode(lessonId, actor);
  }

  @Put('captions/:language')
  @ApiOkResponse({ type: StudioLessonVideoDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'UNKNOWN_LANGUAGE, VALIDATION_FAILED' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'CAPTION_INVALID, details.errors by line',
  })
  putCaption(
    @Param('lessonId', uuid) lessonId: string,
    @Param('language') language: string,
    @Body() body: PutCaptionDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioLessonVideoDto> {
    return this.videos.putCaption(lessonId, checkLanguage(language), body.vtt, actor);
  }

  @Delete('captions/:language')
  @ApiOkResponse({ type: StudioLessonVideoDto })
  deleteCaption(
    @Param('lessonId', uuid) lessonId: string,
    @Param('language') language: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<StudioLessonVideoDto> {
    return this.videos.deleteCaption(lessonId, checkLanguage(language), actor);
  }
}

function checkLanguage(language: string): string {
  if (!LANGUAGE.test(language))
    throw AppError.validation([{ field: 'language', rules: ['bcp47'], message: 'not a language code' }]);
  return language;
}

/**
 * The tus 1.0 endpoint (use a tus client such as tus-js-client): POST creates an upload — its
 * Upload-Metadata must carry `lessonId` and `filename` — then PATCH sends chunks and HEAD asks how
 * much arrived, so an upload survives dropped connections and page reloads. Every request is
 * authorised here first: the upload id starts with the lesson id, whose course the caller must edit.
 */
@ApiTags('studio')
@Controller('studio/uploads/videos')
@RequirePermission(Permission.CourseAuthor)
export class VideoUploadController {
  constructor(
    private readonly videos: VideoStudioService,
    @Inject(TUS_SERVER) private readonly tus: Server,
  ) {}

  @Post()
  @ApiOperation({ summary: 'tus: create an upload (Upload-Length, Upload-Metadata: lessonId, filename)' })
  @ApiHeader({ name: 'Tus-Resumable', required: true, schema: { type: 'string', enum: ['1.0.0'] } })
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: AuthUser) {
    const metadata = parseUploadMetadata(request.headers['upload-metadata'] as string | undefined);
    await this.videos.assertVideoLessonEditable(metadata['lessonId'], actor);
    await this.pass(request, reply);
  }

  @Head(':uploadId')
  @ApiOperation({ summary: 'tus: how many bytes of the upload arrived (Upload-Offset)' })
  async offset(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: AuthUser) {
    await this.authorise(request, actor);
    await this.pass(request, reply);
  }

  @Patch(':uploadId')
  @ApiOperation({ summary: 'tus: append a chunk (Content-Type: application/offset+octet-stream)' })
  async append(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: AuthUser) {
    await this.authorise(request, actor);
    await this.pass(request, reply);
  }

  @Delete(':uploadId')
  @ApiOperation({ summary: 'tus: abandon an upload' })
  async abandon(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() actor: AuthUser) {
    await this.authorise(request, actor);
    await this.pass(request, reply);
  }

  private async authorise(request: FastifyRequest, actor: AuthUser): Promise<void> {
    const uploadId = (request.params as { uploadId: string }).uploadId;
    await this.videos.assertVideoLessonEditable(lessonOfUpload(uploadId), actor);
  }

  /** Hands the raw request to the tus server, which writes the response itself. */
  private async pass(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // What was authorised is this method on this path: no method override, no query string.
    if (request.raw.url?.includes('?') || request.headers['x-http-method-override']) {
      throw AppError.validation([
        { field: 'url', rules: ['tus'], message: 'tus requests carry no query string or method override' },
      ]);
    }
    reply.hijack();
    await this.tus.handle(request.raw, reply.raw);
  }
}
