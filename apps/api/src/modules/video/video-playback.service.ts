import { ErrorCode, VideoStatus } from '@hocvu/contracts';
import { intervalProblem } from '@hocvu/media';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AppError } from '../../common/errors/app-error';
import { HeartbeatDto, HeartbeatResultDto, LessonVideoDto } from './dto/video.dto';
import { HeartbeatWriter } from './heartbeat-writer';
import { MediaSigner } from './media-signer';
import { videoKeys } from './video-studio.service';

/** What a published version freezes for a video lesson. */
export interface PublishedVideoContent {
  videoAssetId: string;
  captions: { language: string; key: string }[];
}

/** The learner's side of video lessons: what the player needs, and heartbeats. */
@Injectable()
export class VideoPlaybackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: MediaSigner,
    private readonly writer: HeartbeatWriter,
  ) {}

  /** Player data for an enrolled learner (enrolment is checked by the caller). */
  async forLearner(
    content: PublishedVideoContent,
    ids: { userId: string; courseId: string; lessonId: string },
    completionPercent: number,
  ): Promise<LessonVideoDto> {
    const [row] = await this.dataSource.query<
      {
        generation: number | null;
        durationSeconds: number | null;
        rungs: { name: string; height: number | null }[];
        status: VideoStatus;
        position: number | null;
        watched: number | null;
      }[]
    >(
      `SELECT a.published_generation AS generation, a.duration_seconds AS "durationSeconds", a.rungs, a.status,
              p.position_seconds AS position, p.watched_seconds AS watched
         FROM video_assets a
         LEFT JOIN video_progress p ON p.user_id = $2 AND p.lesson_id = $3
                                   AND (p.asset_id = a.id OR p.asset_id IS NULL)
        WHERE a.id = $1`,
      [content.videoAssetId, ids.userId, ids.lessonId],
    );
    if (!row || row.generation === null || row.durationSeconds === null) {
      throw AppError.notFound(ErrorCode.VideoNotFound, 'This video is not available');
    }
    const labels = await this.languageNames(content.captions.map((caption) => caption.language));
    const base = this.signer.mediaBase(videoKeys.generation(content.videoAssetId, row.generation));
    const duration = row.durationSeconds;
    const position = row.position ?? 0;
    return {
      masterUrl: `${base}/master.m3u8`,
      posterUrl: `${base}/poster.jpg`,
      durationSeconds: duration,
      rungs: row.rungs,
      captions: content.captions.map((caption) => ({
        language: caption.language,
        label: labels.get(caption.language) ?? caption.language,
        url: this.signer.mediaBase(caption.key),
      })),
      playbackToken: this.signer.playbackToken({
        userId: ids.userId,
        courseId: ids.courseId,
        lessonId: ids.lessonId,
        assetId: content.videoAssetId,
        durationSeconds: duration,
        completionPercent,
      }),
      // Near the end, start again rather than resume into the credits.
      resumeAt: position < duration - 5 ? position : 0,
      watchedSeconds: row.watched ?? 0,
      completionPercent,
    };
  }

  /** Validates a heartbeat and hands it to the group-commit writer. */
  async heartbeat(body: HeartbeatDto): Promise<HeartbeatResultDto> {
    const claims = this.signer.verifyPlayback(body.playbackToken);
    if (!claims) {
      throw new AppError(
        ErrorCode.PlaybackTokenInvalid,
        HttpStatus.FORBIDDEN,
        'This playback session is invalid or expired; reopen the lesson',
      );
    }
    const problem = intervalProblem(body.intervals, claims.durationSeconds);
    if (problem || body.position > claims.durationSeconds + 1) {
      throw new AppError(
        ErrorCode.HeartbeatInvalid,
        HttpStatus.BAD_REQUEST,
        problem ?? 'Position is past the end',
      );
    }
    return this.writer.submit({
      claims,
      intervals: body.intervals,
      position: body.position,
      receivedAt: new Date(),
    });
  }

  private async languageNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.dataSource.query<{ code: string; name: string }[]>(
      'SELECT code, name FROM content_languages WHERE code = ANY($1)',
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.name]));
  }
}
