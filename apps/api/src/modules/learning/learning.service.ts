import {
  DEFAULT_VIDEO_COMPLETION_PERCENT,
  ErrorCode,
  LessonKind,
  LocalizedText,
  Role,
} from '@hocvu/contracts';
import { courseProgress, recordLessonCompletions } from '@hocvu/progress';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { PublishedOutline, PublishedOutlineCache } from '../catalogue/published-outline';
import { PublishedVideoContent, VideoPlaybackService } from '../video/video-playback.service';
import { assertCourseOpen } from './course-open';
import {
  BulkEnrolmentDto,
  BulkEnrolmentResultDto,
  EnrolmentDto,
  LearnerOutlineDto,
  LearningItemDto,
  LessonContentDto,
} from './dto/learning.dto';

interface EnrolledCourse {
  courseId: string;
  slug: string;
  versionId: string;
  outline: PublishedOutline;
  completed: string[];
}

/**
 * A learner's side of a course. Learners always see the course's current published version; lesson
 * ids are stable across versions, so progress carries over when a teacher republishes.
 */
@Injectable()
export class LearningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outlines: PublishedOutlineCache,
    private readonly videos: VideoPlaybackService,
  ) {}

  /** Idempotent: enrolling twice returns the existing enrolment (`created` false). */
  async enrol(courseId: string, user: AuthUser): Promise<{ enrolment: EnrolmentDto; created: boolean }> {
    await assertCourseOpen(this.dataSource, courseId);
    const inserted = await this.dataSource.query<{ enrolled_at: Date }[]>(
      `INSERT INTO enrolments (course_id, user_id, source) VALUES ($1, $2, 'self')
       ON CONFLICT (course_id, user_id) DO NOTHING RETURNING enrolled_at`,
      [courseId, user.id],
    );
    const enrolledAt =
      inserted[0]?.enrolled_at ??
      (
        await this.dataSource.query<{ enrolled_at: Date }[]>(
          'SELECT enrolled_at FROM enrolments WHERE course_id = $1 AND user_id = $2',
          [courseId, user.id],
        )
      )[0]?.enrolled_at;
    return {
      enrolment: { courseId, enrolledAt: new Date(enrolledAt ?? Date.now()).toISOString() },
      created: inserted.length > 0,
    };
  }

  async myLearning(user: AuthUser): Promise<LearningItemDto[]> {
    const rows = await this.dataSource.query<
      {
        courseId: string;
        slug: string;
        enrolledAt: Date;
        completedAt: Date | null;
        outline: PublishedOutline;
        completed: string[];
      }[]
    >(
      `SELECT e.course_id AS "courseId", c.slug, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt", v.outline,
              coalesce(array_agg(lc.lesson_id) FILTER (WHERE lc.lesson_id IS NOT NULL), '{}') AS completed
         FROM enrolments e
         JOIN courses c ON c.id = e.course_id
         JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version
         LEFT JOIN lesson_completions lc ON lc.user_id = e.user_id AND lc.course_id = e.course_id
        WHERE e.user_id = $1
        GROUP BY e.id, c.slug, v.outline
        ORDER BY e.enrolled_at DESC`,
      [user.id],
    );
    return rows.map((row) => {
      const progress = progressOf(row.outline, new Set(row.completed));
      return {
        courseId: row.courseId,
        slug: row.slug,
        title: row.outline.title,
        enrolledAt: new Date(row.enrolledAt).toISOString(),
        completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
        progressPercent: progress.percent,
        completedLessons: progress.completedRequired,
        totalLessons: progress.totalRequired,
        nextLessonId: progress.nextLessonId,
      };
    });
  }

  /**
   * The outline with the learner's progress, and its ETag: the version plus the set of completed
   * lessons decide every byte of it. On a revalidation (`If-None-Match` still current) the outline
   * is not built at all and the caller answers 304, so a phone re-opening a course downloads nothing.
   */
  async outline(
    courseId: string,
    user: AuthUser,
    ifNoneMatch?: string,
  ): Promise<{ etag: string; outline: LearnerOutlineDto | null }> {
    const course = await this.loadEnrolled(courseId, user);
    const completed = [...course.completed].sort().join(',');
    const etag = `W/"${course.versionId}-${createHash('sha1').update(completed).digest('base64url')}"`;
    return { etag, outline: ifNoneMatch === etag ? null : describe(course) };
  }

  async lesson(courseId: string, lessonId: string, user: AuthUser): Promise<LessonContentDto> {
    const course = await this.loadEnrolled(courseId, user);
    const outline = describe(course);
    const { lesson, previous, next } = locate(outline, lessonId);
    if (lesson.locked) throw lessonLocked();
    const [content] = await this.dataSource.query<
      { content: { html?: LocalizedText } & Partial<PublishedVideoContent> }[]
    >('SELECT content FROM course_version_lessons WHERE version_id = $1 AND lesson_id = $2', [
      course.versionId,
      lessonId,
    ]);
    const video =
      lesson.kind === LessonKind.Video && content?.content.videoAssetId
        ? await this.videos.forLearner(
            content.content as PublishedVideoContent,
            { userId: user.id, courseId, lessonId },
            course.outline.videoCompletionPercent ?? DEFAULT_VIDEO_COMPLETION_PERCENT,
          )
        : null;
    return {
      id: lesson.id,
      courseId,
      kind: lesson.kind,
      title: lesson.title,
      estimatedMinutes: lesson.estimatedMinutes,
      html: content?.content.html ?? {},
      video,
      completed: lesson.completed,
      previousLessonId: previous,
      nextLessonId: next,
    };
  }

  /**
   * One lesson of a course the learner is enrolled in, with its completion and lock state, and the
   * published version it belongs to (for the quiz module). Same errors as opening the lesson.
   */
  async enrolledLesson(courseId: string, lessonId: string, user: AuthUser) {
    const course = await this.loadEnrolled(courseId, user);
    return this.lessonOf(course, lessonId);
  }

  /**
   * The same from an enrolment the caller read itself (`versionId` null: not enrolled), for callers
   * that batch that read with their own (starting quiz attempts).
   */
  async lessonFromEnrolment(
    enrolment: { courseId: string; versionId: string | null; completed: string[] },
    lessonId: string,
  ) {
    if (enrolment.versionId === null) throw notEnrolled();
    const outline = await this.outlines.get(enrolment.versionId);
    return this.lessonOf({ ...enrolment, versionId: enrolment.versionId, slug: '', outline }, lessonId);
  }

  private lessonOf(course: EnrolledCourse, lessonId: string) {
    const { lesson } = locate(describe(course), lessonId);
    if (lesson.locked) throw lessonLocked();
    return { versionId: course.versionId, lesson };
  }

  /** Marks an article read. Idempotent; videos and quizzes complete by watching and passing instead. */
  async completeArticle(courseId: string, lessonId: string, user: AuthUser): Promise<LearnerOutlineDto> {
    const course = await this.loadEnrolled(courseId, user);
    const { lesson } = locate(describe(course), lessonId);
    if (lesson.kind !== LessonKind.Article) {
      throw new AppError(
        ErrorCode.LessonKindUnsupported,
        HttpStatus.BAD_REQUEST,
        'Only article lessons are completed by hand; videos and quizzes complete themselves',
      );
    }
    if (lesson.locked) throw lessonLocked();
    // With the progress and, when this was the last lesson, the course completion and its event.
    await this.dataSource.transaction((manager) =>
      recordLessonCompletions(manager, [{ userId: user.id, courseId, lessonId }]),
    );
    return describe(await this.loadEnrolled(courseId, user));
  }

  /** Enrols a cohort of active learners (a commune and/or a target group) in one statement. */
  async bulkEnrol(
    dto: BulkEnrolmentDto,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<BulkEnrolmentResultDto> {
    if (actor.role === Role.CommuneAdmin && dto.communeId !== actor.communeId) {
      throw AppError.forbidden('Commune admins can enrol the learners of their own commune only');
    }
    if (!dto.communeId && !dto.targetGroup) {
      throw AppError.validation([
        { field: 'communeId', rules: ['required'], message: 'Choose a commune, a target group or both' },
      ]);
    }
    await assertCourseOpen(this.dataSource, dto.courseId);
    return this.dataSource.transaction(async (manager) => {
      const cohort = `FROM users u WHERE u.role = 'learner' AND u.status = 'active'
        AND ($1::uuid IS NULL OR u.commune_id = $1) AND ($2::text IS NULL OR u.target_group = $2)`;
      const params = [dto.communeId ?? null, dto.targetGroup ?? null];
      const [{ size }] = await manager.query<{ size: number }[]>(
        `SELECT count(*)::int AS size ${cohort}`,
        params,
      );
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO enrolments (course_id, user_id, source, enrolled_by)
         SELECT $3::uuid, u.id, 'bulk', $4::uuid ${cohort}
         ON CONFLICT (course_id, user_id) DO NOTHING RETURNING 1`,
        [...params, dto.courseId, actor.id],
      );
      const result = { enrolled: inserted.length, alreadyEnrolled: size - inserted.length };
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'enrolment.bulk',
          targetType: 'course',
          targetId: dto.courseId,
          details: { communeId: dto.communeId ?? null, targetGroup: dto.targetGroup ?? null, ...result },
          requestId,
        },
        manager,
      );
      return result;
    });
  }

  /**
   * A fixed number of queries whatever the course size: enrolment, version and the learner's
   * completions in one; the outline itself (immutable per version) from the in-process cache.
   */
  private async loadEnrolled(courseId: string, user: AuthUser): Promise<EnrolledCourse> {
    const [row] = await this.dataSource.query<Omit<EnrolledCourse, 'outline'>[]>(
      `SELECT c.id AS "courseId", c.slug, v.id AS "versionId",
              coalesce((SELECT array_agg(lc.lesson_id) FROM lesson_completions lc
                         WHERE lc.user_id = e.user_id AND lc.course_id = e.course_id), '{}') AS completed
         FROM enrolments e
         JOIN courses c ON c.id = e.course_id
         JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version
        WHERE e.course_id = $1 AND e.user_id = $2`,
      [courseId, user.id],
    );
    if (!row) throw notEnrolled();
    return { ...row, outline: await this.outlines.get(row.versionId) };
  }
}

function describe(course: EnrolledCourse): LearnerOutlineDto {
  const completed = new Set(course.completed);
  const progress = progressOf(course.outline, completed);
  let previousCompleted = true;
  const sections = course.outline.sections.map((section) => ({
    id: section.id,
    title: section.title,
    lessons: section.lessons.map((lesson) => {
      const done = completed.has(lesson.id);
      // Sequential courses open lesson n+1 only when lesson n is complete.
      const locked = course.outline.sequential && !done && !previousCompleted;
      previousCompleted = done;
      return { ...lesson, finalExam: lesson.finalExam === true, completed: done, locked };
    }),
  }));
  return {
    courseId: course.courseId,
    slug: course.slug,
    title: course.outline.title,
    sequential: course.outline.sequential,
    progressPercent: progress.percent,
    nextLessonId: progress.nextLessonId,
    sections,
  };
}

/** The course rule of @hocvu/progress: required lessons, plus the final exam as one item. */
function progressOf(outline: PublishedOutline, completed: Set<string>) {
  const progress = courseProgress(outline, completed);
  return {
    totalRequired: progress.itemsTotal,
    completedRequired: progress.itemsDone,
    percent: progress.percent,
    nextLessonId: progress.nextLessonId,
  };
}

function locate(outline: LearnerOutlineDto, lessonId: string) {
  const lessons = outline.sections.flatMap((section) => section.lessons);
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = lessons[index];
  if (!lesson) throw AppError.notFound(ErrorCode.LessonNotFound, 'This lesson is not part of the course');
  return { lesson, previous: lessons[index - 1]?.id ?? null, next: lessons[index + 1]?.id ?? null };
}

function notEnrolled(): AppError {
  return new AppError(ErrorCode.NotEnrolled, HttpStatus.FORBIDDEN, 'Enrol in this course first');
}

function lessonLocked(): AppError {
  return new AppError(ErrorCode.LessonLocked, HttpStatus.FORBIDDEN, 'Complete the previous lesson first');
}
