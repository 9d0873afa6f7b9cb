import { ErrorCode, JobName, LessonKind, transcodeJobId, VideoStatus } from '@hocvu/contracts';
import { validateWebVtt } from '@hocvu/media';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { createHash, randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { JobQueue } from '../../queue/job-queue.module';
import { OBJECT_STORAGE, ObjectStorage } from '../../storage/storage.module';
import { AuditService } from '../audit/audit.service';
import { loadCourseForEdit } from '../courses/course-editor.guard';
import { StudioLessonVideoDto, StudioVideoDto } from './dto/video.dto';
import { MediaSigner } from './media-signer';
import { lessonOfUpload, TUS_SERVER } from './tus-server';

/** A video_assets row as the services read it. */
export interface VideoAssetRow {
  id: string;
  courseId: string;
  lessonId: string;
  status: VideoStatus;
  progressPercent: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  originalFilename: string;
  sizeBytes: string;
  sourceKey: string;
  generation: number;
  publishedGeneration: number | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  rungs: { name: string; height: number | null }[];
}

export const ASSET_COLUMNS = `id, course_id AS "courseId", lesson_id AS "lessonId", status, progress_percent AS "progressPercent",
  error_code AS "errorCode", error_message AS "errorMessage", original_filename AS "originalFilename",
  size_bytes AS "sizeBytes", source_key AS "sourceKey", generation, published_generation AS "publishedGeneration",
  duration_seconds AS "durationSeconds", width, height, rungs`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keys under which the pipeline stores an asset's files. */
export const videoKeys = {
  source: (assetId: string) => `sources/${assetId}/source`,
  generation: (assetId: string, generation: number) => `videos/${assetId}/g${generation}`,
};

/**
 * The teacher's side of video lessons: finishing an upload (one asset per tus upload, however
 * often the call is retried), the transcode status the studio polls, captions, re-transcoding.
 */
@Injectable()
export class VideoStudioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(TUS_SERVER) private readonly tus: Server,
    private readonly queue: JobQueue,
    private readonly signer: MediaSigner,
    private readonly audit: AuditService,
  ) {}

  /** The lesson must be a video lesson of a course the actor may edit. Returns its course id. */
  async assertVideoLessonEditable(
    lessonId: string | null | undefined,
    actor: AuthUser,
    manager?: EntityManager,
  ) {
    const db = manager ?? this.dataSource.manager;
    const [lesson] =
      lessonId && UUID.test(lessonId)
        ? await db.query<{ courseId: string; kind: LessonKind }[]>(
            'SELECT course_id AS "courseId", kind FROM course_lessons WHERE id = $1',
            [lessonId],
          )
        : [];
    if (!lesson) throw AppError.notFound(ErrorCode.LessonNotFound, 'No such lesson');
    await loadCourseForEdit(db, lesson.courseId, actor);
    if (lesson.kind !== LessonKind.Video) {
      throw new AppError(
        ErrorCode.LessonKindUnsupported,
        HttpStatus.BAD_REQUEST,
        'Only video lessons take a video',
      );
    }
    return lesson.courseId;
  }

  /**
   * Turns a completed tus upload into a video asset and queues its transcode. Idempotent: the
   * asset is keyed by the upload id, the file move tolerates a previous attempt, and the job id is
   * deterministic — so a client retrying after a lost response creates nothing twice.
   */
  async finishUpload(lessonId: string, uploadId: string, actor: AuthUser): Promise<StudioLessonVideoDto> {
    if (lessonOfUpload(uploadId) !== lessonId) {
      throw AppError.notFound(ErrorCode.UploadNotFound, 'This upload does not belong to this lesson');
    }
    const courseId = await this.assertVideoLessonEditable(lessonId, actor);
    let [asset] = await this.dataSource.query<VideoAssetRow[]>(
      `SELECT ${ASSET_COLUMNS} FROM video_assets WHERE upload_id = $1`,
      [uploadId],
    );
    if (!asset) {
      const upload = await this.tus.datastore.getUpload(uploadId).catch(() => null);
      if (!upload) throw AppError.notFound(ErrorCode.UploadNotFound, 'No such upload (or it expired)');
      if (upload.size === undefined || upload.offset !== upload.size) {
        throw new AppError(
          ErrorCode.UploadIncomplete,
          HttpStatus.CONFLICT,
          'The upload has not finished yet',
        );
      }
      const filename = upload.metadata?.['filename'] ?? 'video';
      asset = await this.dataSource.transaction(async (manager) => {
        const created = await insertAsset(manager, {
          courseId,
          lessonId,
          uploadId,
          actorId: actor.id,
          filename,
          size: upload.size as number,
        });
        if (!created) {
          // A concurrent retry won the insert.
          const [existing] = await manager.query<VideoAssetRow[]>(
            `SELECT ${ASSET_COLUMNS} FROM video_assets WHERE upload_id = $1`,
            [uploadId],
          );
          return existing;
        }
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'video.upload',
            targetType: 'lesson',
            targetId: lessonId,
            details: { assetId: created.id, sizeBytes: upload.size },
          },
          manager,
        );
        return created;
      });
    }
    await this.moveUploadIntoStorage(uploadId, asset);
    await this.enqueueTranscode(asset.id, asset.generation);
    return this.lessonVideo(lessonId, actor);
  }

  /**
   * Makes a file already on this machine the lesson's video (demo content, bulk imports by an
   * administrator): the same asset, storage and transcode path as an upload, minus tus.
   */
  async importFile(lessonId: string, localPath: string, filename: string, actor: AuthUser): Promise<string> {
    const courseId = await this.assertVideoLessonEditable(lessonId, actor);
    const { size } = await stat(localPath);
    const row = (await insertAsset(this.dataSource.manager, {
      courseId,
      lessonId,
      uploadId: `import_${randomUUID()}`,
      actorId: actor.id,
      filename,
      size,
    })) as VideoAssetRow;
    await this.storage.putFile(row.sourceKey, localPath, { contentType: 'video/*' });
    await this.enqueueTranscode(row.id, row.generation);
    return row.id;
  }

  private async moveUploadIntoStorage(uploadId: string, asset: VideoAssetRow): Promise<void> {
    if (await this.storage.stat(asset.sourceKey)) return; // an earlier attempt got this far
    const upload = await this.tus.datastore.getUpload(uploadId).catch(() => null);
    if (!upload?.storage?.path) {
      throw AppError.notFound(ErrorCode.UploadNotFound, 'The uploaded file is gone; upload the video again');
    }
    await this.storage.putFile(asset.sourceKey, upload.storage.path, { move: true, contentType: 'video/*' });
    // The file moved away; drop tus's description of it too (remove() would fail on the missing file).
    if (this.tus.datastore instanceof FileStore) await this.tus.datastore.configstore.delete(uploadId);
  }

  private async enqueueTranscode(assetId: string, generation: number): Promise<void> {
    await this.queue.add(
      JobName.TranscodeVideo,
      { assetId, generation },
      transcodeJobId(assetId, generation),
      {
        attempts: 3,
        backoff: { type: 'exponential', delay: 30_000 },
      },
    );
  }

  /** Transcodes the lesson's current video again (e.g. after the ladder settings changed). */
  async retranscode(lessonId: string, actor: AuthUser): Promise<StudioLessonVideoDto> {
    await this.assertVideoLessonEditable(lessonId, actor);
    const asset = await this.currentAsset(lessonId);
    if (!asset) throw AppError.notFound(ErrorCode.VideoNotFound, 'This lesson has no video yet');
    // TypeORM answers an UPDATE with [rows, affected count].
    const [[updated]] = await this.dataSource.query<[{ generation: number }[], number]>(
      `UPDATE video_assets SET generation = generation + 1, status = 'queued', progress_percent = NULL,
              error_code = NULL, error_message = NULL, updated_at = now()
        WHERE id = $1 RETURNING generation`,
      [asset.id],
    );
    await this.enqueueTranscode(asset.id, updated.generation);
    return this.lessonVideo(lessonId, actor);
  }

  async lessonVideo(lessonId: string, actor: AuthUser): Promise<StudioLessonVideoDto> {
    await this.assertVideoLessonEditable(lessonId, actor);
    const asset = await this.currentAsset(lessonId);
    const captions = await this.dataSource.query<{ language: string; cueCount: number; key: string }[]>(
      `SELECT language, cue_count AS "cueCount", storage_key AS key FROM lesson_captions
        WHERE lesson_id = $1 ORDER BY language`,
      [lessonId],
    );
    return {
      video: asset ? this.describe(asset) : null,
      captions: captions.map(({ key, ...caption }) => ({ ...caption, url: this.signer.mediaBase(key) })),
    };
  }

  async putCaption(
    lessonId: string,
    language: string,
    vtt: string,
    actor: AuthUser,
  ): Promise<StudioLessonVideoDto> {
    await this.assertVideoLessonEditable(lessonId, actor);
    const [known] = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM content_languages WHERE code = $1 AND enabled',
      [language],
    );
    if (!known)
      throw new AppError(ErrorCode.UnknownLanguage, HttpStatus.BAD_REQUEST, `Unknown language ${language}`);
    const checked = validateWebVtt(vtt);
    if (!checked.ok) {
      throw new AppError(
        ErrorCode.CaptionInvalid,
        HttpStatus.UNPROCESSABLE_ENTITY,
        'The WebVTT file is not valid',
        {
          errors: checked.errors.slice(0, 20),
        },
      );
    }
    // Content-addressed key: a replaced file gets a new URL, so cached copies never go stale.
    const digest = createHash('sha256').update(vtt).digest('hex').slice(0, 16);
    const key = `captions/${lessonId}/${language}-${digest}.vtt`;
    await this.storage.write(key, vtt, 'text/vtt; charset=utf-8');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO lesson_captions (lesson_id, language, storage_key, cue_count, uploaded_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (lesson_id, language) DO UPDATE
           SET storage_key = EXCLUDED.storage_key, cue_count = EXCLUDED.cue_count,
               uploaded_by = EXCLUDED.uploaded_by, created_at = now()`,
        [lessonId, language, key, checked.cueCount, actor.id],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'video.captions.put',
          targetType: 'lesson',
          targetId: lessonId,
          details: { language },
        },
        manager,
      );
    });
    return this.lessonVideo(lessonId, actor);
  }

  async deleteCaption(lessonId: string, language: string, actor: AuthUser): Promise<StudioLessonVideoDto> {
    await this.assertVideoLessonEditable(lessonId, actor);
    // The file stays: a published version may still show it.
    await this.dataSource.query('DELETE FROM lesson_captions WHERE lesson_id = $1 AND language = $2', [
      lessonId,
      language,
    ]);
    return this.lessonVideo(lessonId, actor);
  }

  async currentAsset(lessonId: string): Promise<VideoAssetRow | null> {
    const [asset] = await this.dataSource.query<VideoAssetRow[]>(
      `SELECT ${ASSET_COLUMNS} FROM video_assets WHERE lesson_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [lessonId],
    );
    return asset ?? null;
  }

  private describe(asset: VideoAssetRow): StudioVideoDto {
    // The published generation stays playable while a re-transcode runs (or after one failed).
    const ready = asset.publishedGeneration !== null;
    const base = ready
      ? this.signer.mediaBase(videoKeys.generation(asset.id, asset.publishedGeneration as number))
      : null;
    return {
      assetId: asset.id,
      status: asset.status,
      progressPercent: asset.progressPercent,
      errorCode: asset.errorCode,
      errorMessage: asset.errorMessage,
      originalFilename: asset.originalFilename,
      sizeBytes: Number(asset.sizeBytes),
      durationSeconds: asset.durationSeconds,
      width: asset.width,
      height: asset.height,
      rungs: asset.rungs,
      masterUrl: base ? `${base}/master.m3u8` : null,
      posterUrl: base ? `${base}/poster.jpg` : null,
    };
  }
}

/**
 * A new asset row; its id is made here so the source key derived from it is written in the same
 * statement. Undefined when an asset for this upload exists already.
 */
async function insertAsset(
  db: EntityManager,
  fields: {
    courseId: string;
    lessonId: string;
    uploadId: string;
    actorId: string;
    filename: string;
    size: number;
  },
): Promise<VideoAssetRow | undefined> {
  const id = randomUUID();
  const [row] = await db.query<VideoAssetRow[]>(
    `INSERT INTO video_assets (id, course_id, lesson_id, upload_id, uploaded_by, original_filename, size_bytes, source_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (upload_id) DO NOTHING
     RETURNING ${ASSET_COLUMNS}`,
    [
      id,
      fields.courseId,
      fields.lessonId,
      fields.uploadId,
      fields.actorId,
      fields.filename.slice(0, 255),
      fields.size,
      videoKeys.source(id),
    ],
  );
  return row;
}
