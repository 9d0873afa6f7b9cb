import { ErrorCode } from '@hocvu/contracts';
import { mediaContentType, StorageNotFoundError } from '@hocvu/server-kit';
import { Controller, Get, HttpStatus, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';

import { Public } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { OBJECT_STORAGE, ObjectStorage } from '../../storage/storage.module';
import { MediaSigner } from './media-signer';

/** A year: every served key is immutable (a new video generation or caption file gets a new key). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves HLS playlists, segments, posters and captions to whoever holds a signed URL (minted by
 * the lesson endpoint for enrolled learners and by the studio for the course's teachers). Public
 * in the sense of "no bearer token", so the video element, a CDN and `<track>` can fetch them.
 */
@ApiTags('media')
@Controller('media')
export class MediaController {
  constructor(
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly signer: MediaSigner,
  ) {}

  // Fastify routes HEAD here too (headers only, see below).
  @Get(':token/*')
  @Public()
  @ApiOperation({ summary: 'A media file by signed URL; supports Range (206) and HEAD' })
  @ApiOkResponse({ description: 'The file (playlist, segment, poster or captions)' })
  async get(@Param('token') token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await this.serve(token, request, reply);
  }

  private async serve(token: string, request: FastifyRequest, reply: FastifyReply) {
    // Fastify has already decoded the path once; decoding again would turn %25 into a crash.
    const key = (request.params as Record<string, string>)['*'] ?? '';
    // Course covers are public (the catalogue is); everything else needs a signed URL.
    const allowed = token === 'public' ? isPublicKey(key) : this.signer.verifyMedia(token, key);
    if (!allowed) {
      throw new AppError(
        ErrorCode.MediaTokenInvalid,
        HttpStatus.FORBIDDEN,
        'This media link is invalid or expired',
      );
    }
    const object = await this.storage.stat(key);
    if (!object) throw AppError.notFound(ErrorCode.VideoNotFound, 'No such media file');

    let range: { start: number; end: number } | undefined;
    const header = request.headers.range;
    if (header) {
      const parsed = parseRange(object.size, header, { combine: true });
      // RFC 9110: a malformed Range (-2), another unit or several ranges may be ignored (200, whole file).
      if (parsed === -1) {
        throw new AppError(
          ErrorCode.RangeNotSatisfiable,
          HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
          'The Range header does not fit this file',
          undefined,
          { 'content-range': `bytes */${object.size}` },
        );
      }
      if (parsed !== -2 && parsed.type === 'bytes' && parsed.length === 1) range = parsed[0];
    }
    // Opened before any header is set, so a file gone since stat still answers as JSON.
    const body = request.method === 'HEAD' ? null : await this.open(key, range);
    void reply
      .header('content-type', mediaContentType(key))
      .header('cache-control', IMMUTABLE)
      .header('accept-ranges', 'bytes')
      .header('last-modified', object.modifiedAt.toUTCString())
      // Playlists and segments are fetched by the player with XHR; allow a CDN origin too.
      .header('access-control-allow-origin', '*')
      .header('content-length', String(range ? range.end - range.start + 1 : object.size));
    if (range)
      void reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${object.size}`);
    if (body) return reply.send(body);
    // HEAD: Fastify's automatic HEAD would read the whole stream or report length 0.
    reply.hijack();
    reply.raw.writeHead(reply.statusCode, reply.getHeaders() as Record<string, string>);
    reply.raw.end();
  }

  private async open(key: string, range?: { start: number; end: number }) {
    try {
      return await this.storage.read(key, range);
    } catch (error) {
      if (error instanceof StorageNotFoundError)
        throw AppError.notFound(ErrorCode.VideoNotFound, 'No such media file');
      throw error;
    }
  }
}

/**
 * Keys anyone may fetch: course covers and question images (<kind>/<course>/<content hash>.<ext>).
 * Question images are no secret (the question itself reaches every learner who draws it), and their
 * content-hash names cannot be guessed.
 */
function isPublicKey(key: string): boolean {
  return /^(covers|question-images)\/[0-9a-f-]{36}\/[0-9a-f]{16}\.(jpg|png|webp)$/.test(key);
}
