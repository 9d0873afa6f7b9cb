import { poolsProblem } from '@hocvu/assessment';
import {
  CourseStatus,
  COVER_MAX_BYTES,
  COVER_MAX_SIDE,
  COVER_MIN_HEIGHT,
  COVER_MIN_WIDTH,
  coverUrl,
  DEFAULT_VIDEO_COMPLETION_PERCENT,
  ErrorCode,
  LessonKind,
  QUIZ_MAX_QUESTIONS,
  QuizSettings,
  Role,
} from '@hocvu/contracts';
import { mediaContentType } from '@hocvu/server-kit';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { checkImage } from '../../common/images/check-image';
import { OBJECT_STORAGE, ObjectStorage } from '../../storage/storage.module';
import { LanguagesService } from '../languages/languages.service';
import { UpdateQuizDto } from '../quizzes/dto/quiz-settings.dto';
import { renderArticleTexts } from './article-renderer';
import { CatalogueCache } from './catalogue-cache';
import { Course, CourseLesson, CourseSection } from './course.entity';
import { loadCourseForEdit } from './course-editor.guard';
import {
  CourseOrderDto,
  CourseVersionDto,
  CreateCourseDto,
  CreateLessonDto,
  StudioCourseDto,
  StudioCourseListDto,
  StudioCourseSummaryDto,
  StudioLessonDto,
  UpdateCourseDto,
  UpdateLessonDto,
} from './dto/studio.dto';
import { slugify } from './slug';

/**
 * The teacher studio: everything here edits the draft. Each change runs in a transaction that locks
 * the course row and bumps its draft revision, so learners (who read published versions) never see
 * a half-edited structure and concurrent edits serialise.
 */
@Injectable()
export class CourseStudioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly languages: LanguagesService,
    private readonly catalogueCache: CatalogueCache,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async list(actor: AuthUser): Promise<StudioCourseListDto> {
    const courses = await this.dataSource
      .getRepository(Course)
      .createQueryBuilder('c')
      .where(
        actor.role === Role.ProvinceAdmin
          ? 'TRUE'
          : '(c.owner_id = :me OR EXISTS (SELECT 1 FROM course_co_teachers t WHERE t.course_id = c.id AND t.user_id = :me))',
        { me: actor.id },
      )
      .orderBy('c.updated_at', 'DESC')
      .limit(500)
      .getMany();
    return { items: courses.map(summaryOf) };
  }

  async create(dto: CreateCourseDto, actor: AuthUser): Promise<StudioCourseDto> {
    await this.languages.assertKnown([
      ...LanguagesService.codesOf(dto.title, dto.summary, dto.description),
      ...(dto.languages ?? []),
    ]);
    const id = await this.dataSource.transaction(async (manager) => {
      const slug = await uniqueSlug(manager, slugify(dto.title['vi'] ?? ''));
      const course = manager.create(Course, {
        slug,
        status: CourseStatus.Draft,
        ownerId: actor.id,
        title: dto.title,
        summary: dto.summary ?? {},
        description: dto.description ?? {},
        level: dto.level ?? 'beginner',
        targetGroups: dto.targetGroups ?? [],
        languages: dto.languages ?? ['vi'],
        sequential: dto.sequential ?? false,
        videoCompletionPercent: dto.videoCompletionPercent ?? DEFAULT_VIDEO_COMPLETION_PERCENT,
        draftRevision: 1,
        publishedRevision: null,
        publishedVersion: null,
      });
      return (await manager.save(course)).id;
    });
    return this.get(id, actor);
  }

  async get(courseId: string, actor: AuthUser): Promise<StudioCourseDto> {
    const course = await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    return this.describe(this.dataSource.manager, course);
  }

  update(courseId: string, dto: UpdateCourseDto, actor: AuthUser): Promise<StudioCourseDto> {
    return this.edit(courseId, actor, async (manager, course) => {
      await this.languages.assertKnown([
        ...LanguagesService.codesOf(dto.title, dto.summary, dto.description),
        ...(dto.languages ?? []),
      ]);
      const changes: Partial<Course> = {};
      if (dto.title) changes.title = dto.title;
      if (dto.summary) changes.summary = dto.summary;
      if (dto.description) changes.description = dto.description;
      if (dto.level) changes.level = dto.level;
      if (dto.targetGroups) changes.targetGroups = dto.targetGroups;
      if (dto.languages) changes.languages = dto.languages;
      if (dto.sequential !== undefined) changes.sequential = dto.sequential;
      if (dto.videoCompletionPercent !== undefined)
        changes.videoCompletionPercent = dto.videoCompletionPercent;
      if (Object.keys(changes).length > 0) await manager.update(Course, { id: course.id }, changes);
    });
  }

  addSection(courseId: string, title: Record<string, string>, actor: AuthUser): Promise<StudioCourseDto> {
    return this.edit(courseId, actor, async (manager, course) => {
      await this.languages.assertKnown(Object.keys(title));
      const [{ next }] = await manager.query<{ next: number }[]>(
        'SELECT coalesce(max(position), -1) + 1 AS next FROM course_sections WHERE course_id = $1',
        [course.id],
      );
      await manager.insert(CourseSection, { courseId: course.id, position: next, title });
    });
  }

  async renameSection(
    sectionId: string,
    title: Record<string, string>,
    actor: AuthUser,
  ): Promise<StudioCourseDto> {
    const section = await this.findSection(sectionId);
    return this.edit(section.courseId, actor, async (manager) => {
      await this.languages.assertKnown(Object.keys(title));
      await manager.update(CourseSection, { id: sectionId }, { title });
    });
  }

  async deleteSection(sectionId: string, actor: AuthUser): Promise<StudioCourseDto> {
    const section = await this.findSection(sectionId);
    return this.edit(section.courseId, actor, async (manager, course) => {
      await manager.delete(CourseSection, { id: sectionId });
      await renumber(manager, 'course_sections', 'course_id', course.id);
    });
  }

  async addLesson(sectionId: string, dto: CreateLessonDto, actor: AuthUser): Promise<StudioCourseDto> {
    const section = await this.findSection(sectionId);
    return this.edit(section.courseId, actor, async (manager, course) => {
      await this.languages.assertKnown(Object.keys(dto.title));
      const [{ next }] = await manager.query<{ next: number }[]>(
        'SELECT coalesce(max(position), -1) + 1 AS next FROM course_lessons WHERE section_id = $1',
        [sectionId],
      );
      await manager.insert(CourseLesson, {
        courseId: course.id,
        sectionId,
        position: next,
        kind: dto.kind,
        title: dto.title,
        required: dto.required ?? true,
        estimatedMinutes: dto.estimatedMinutes ?? 5,
        body: {},
      });
    });
  }

  async getLesson(lessonId: string, actor: AuthUser): Promise<StudioLessonDto> {
    const lesson = await this.findLesson(lessonId);
    await loadCourseForEdit(this.dataSource.manager, lesson.courseId, actor);
    return this.lessonView(lesson);
  }

  async updateLesson(lessonId: string, dto: UpdateLessonDto, actor: AuthUser): Promise<StudioLessonDto> {
    const lesson = await this.findLesson(lessonId);
    await this.edit(lesson.courseId, actor, async (manager) => {
      await this.languages.assertKnown(LanguagesService.codesOf(dto.title, dto.body));
      const changes: Partial<CourseLesson> = {};
      if (dto.title) changes.title = dto.title;
      if (dto.required !== undefined) changes.required = dto.required;
      if (dto.estimatedMinutes !== undefined) changes.estimatedMinutes = dto.estimatedMinutes;
      if (dto.body) changes.body = dto.body;
      if (Object.keys(changes).length > 0) await manager.update(CourseLesson, { id: lessonId }, changes);
    });
    return this.lessonView(await this.findLesson(lessonId));
  }

  /**
   * Sets a quiz lesson's settings and whether it is the course's final exam (flagging one lesson
   * unflags any other). Pools the bank cannot serve yet are saved — the teacher may write the
   * questions next — and reported in `quizProblem`; publishing refuses them.
   */
  async updateQuiz(lessonId: string, dto: UpdateQuizDto, actor: AuthUser): Promise<StudioLessonDto> {
    const lesson = await this.findLesson(lessonId);
    if (lesson.kind !== LessonKind.Quiz) {
      throw new AppError(
        ErrorCode.LessonKindUnsupported,
        HttpStatus.BAD_REQUEST,
        'Only quiz lessons have quiz settings',
      );
    }
    const total = dto.pools.reduce((sum, pool) => sum + pool.count, 0);
    if (total > QUIZ_MAX_QUESTIONS) {
      throw new AppError(
        ErrorCode.QuizSettingsInvalid,
        HttpStatus.UNPROCESSABLE_ENTITY,
        `A quiz draws at most ${QUIZ_MAX_QUESTIONS} questions; these pools draw ${total}`,
      );
    }
    const { finalExam, ...rest } = dto;
    const settings: QuizSettings = {
      pools: rest.pools.map((pool) => ({ tag: pool.tag, count: pool.count })),
      shuffleQuestions: rest.shuffleQuestions,
      shuffleOptions: rest.shuffleOptions,
      timeLimitMinutes: rest.timeLimitMinutes,
      attemptsAllowed: rest.attemptsAllowed,
      cooldownMinutes: rest.cooldownMinutes,
      passingPercent: rest.passingPercent,
      feedback: rest.feedback,
    };
    await this.edit(lesson.courseId, actor, async (manager) => {
      if (finalExam) {
        await manager.query(
          'UPDATE course_lessons SET final_exam = false WHERE course_id = $1 AND final_exam AND id <> $2',
          [lesson.courseId, lessonId],
        );
      }
      await manager.update(CourseLesson, { id: lessonId }, { quiz: settings, finalExam });
    });
    return this.lessonView(await this.findLesson(lessonId));
  }

  private async lessonView(lesson: CourseLesson): Promise<StudioLessonDto> {
    const quizProblem =
      lesson.kind !== LessonKind.Quiz
        ? null
        : (quizProblems(lesson, await bankEntries(this.dataSource.manager, lesson.courseId))[0] ?? null);
    return { ...lessonDto(lesson), quizProblem };
  }

  async deleteLesson(lessonId: string, actor: AuthUser): Promise<StudioCourseDto> {
    const lesson = await this.findLesson(lessonId);
    return this.edit(lesson.courseId, actor, async (manager) => {
      await manager.delete(CourseLesson, { id: lessonId });
      await renumber(manager, 'course_lessons', 'section_id', lesson.sectionId);
    });
  }

  /**
   * Applies a complete new order of sections and lessons (lessons may change section). The ids must
   * be exactly the course's own; anything else is refused and nothing is written.
   */
  reorder(courseId: string, dto: CourseOrderDto, actor: AuthUser): Promise<StudioCourseDto> {
    return this.edit(courseId, actor, async (manager, course) => {
      const sections = await manager.find(CourseSection, {
        where: { courseId: course.id },
        select: { id: true },
      });
      const lessons = await manager.find(CourseLesson, {
        where: { courseId: course.id },
        select: { id: true },
      });
      const givenSections = dto.sections.map((section) => section.id);
      const givenLessons = dto.sections.flatMap((section) => section.lessonIds);
      if (
        !sameSet(
          givenSections,
          sections.map((s) => s.id),
        ) ||
        !sameSet(
          givenLessons,
          lessons.map((l) => l.id),
        )
      ) {
        throw new AppError(
          ErrorCode.OrderMismatch,
          HttpStatus.BAD_REQUEST,
          'The order must list every section and lesson of this course exactly once, and nothing else',
        );
      }
      // Positions are unique per parent but checked at commit (deferred), so they can be rewritten freely.
      for (const [sectionIndex, section] of dto.sections.entries()) {
        await manager.update(CourseSection, { id: section.id }, { position: sectionIndex });
        for (const [lessonIndex, lessonId] of section.lessonIds.entries()) {
          await manager.update(
            CourseLesson,
            { id: lessonId },
            { sectionId: section.id, position: lessonIndex },
          );
        }
      }
    });
  }

  /** Freezes the draft as a new immutable version that learners see from now on. */
  async publish(courseId: string, actor: AuthUser): Promise<StudioCourseDto> {
    await this.dataSource.transaction(async (manager) => {
      const course = await loadCourseForEdit(manager, courseId, actor, true);
      const sections = await manager.find(CourseSection, { where: { courseId }, order: { position: 'ASC' } });
      const lessons = await manager.find(CourseLesson, { where: { courseId }, order: { position: 'ASC' } });
      if (lessons.length === 0) {
        throw new AppError(
          ErrorCode.CourseEmpty,
          HttpStatus.UNPROCESSABLE_ENTITY,
          'Add at least one lesson before publishing',
        );
      }
      const bank = await bankEntries(manager, courseId);
      const notReady = lessons.flatMap((lesson) =>
        quizProblems(lesson, bank).map((problem) => ({ lessonId: lesson.id, title: lesson.title, problem })),
      );
      if (notReady.length > 0) {
        throw new AppError(
          ErrorCode.QuizNotReady,
          HttpStatus.UNPROCESSABLE_ENTITY,
          `Quiz "${notReady[0].title.vi}": ${notReady[0].problem}`,
          { lessons: notReady },
        );
      }
      const version = (course.publishedVersion ?? 0) + 1;
      const outline = {
        title: course.title,
        summary: course.summary,
        description: course.description,
        level: course.level,
        targetGroups: course.targetGroups,
        languages: course.languages,
        sequential: course.sequential,
        videoCompletionPercent: course.videoCompletionPercent,
        estimatedMinutes: lessons.reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0),
        lessonCount: lessons.length,
        sections: sections.map((section) => ({
          id: section.id,
          title: section.title,
          lessons: lessons
            .filter((lesson) => lesson.sectionId === section.id)
            .map((lesson) => ({
              id: lesson.id,
              kind: lesson.kind,
              title: lesson.title,
              required: lesson.required,
              estimatedMinutes: lesson.estimatedMinutes,
              finalExam: lesson.finalExam,
            })),
        })),
      };
      const [{ id: versionId }] = await manager.query<{ id: string }[]>(
        `INSERT INTO course_versions (course_id, version, outline, published_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [courseId, version, JSON.stringify(outline), actor.id],
      );
      const videos = await frozenVideoContent(manager, lessons);
      for (const lesson of lessons) {
        const content =
          lesson.kind === LessonKind.Article
            ? { html: renderArticleTexts(lesson.body) }
            : lesson.kind === LessonKind.Video
              ? videos.get(lesson.id)
              : { quiz: lesson.quiz };
        await manager.query(
          `INSERT INTO course_version_lessons (version_id, lesson_id, content) VALUES ($1, $2, $3)`,
          [versionId, lesson.id, JSON.stringify(content)],
        );
      }
      const searchText = [...Object.values(course.title), ...Object.values(course.summary)].join(' ');
      await manager.query(
        `INSERT INTO course_catalogue (course_id, version_id, slug, title, summary, level, target_groups, languages,
                                       estimated_minutes, lesson_count, search_document, published_at, cover_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, hocvu_search_norm($11), now(), $12)
         ON CONFLICT (course_id) DO UPDATE SET version_id = EXCLUDED.version_id, slug = EXCLUDED.slug,
           cover_key = EXCLUDED.cover_key,
           title = EXCLUDED.title, summary = EXCLUDED.summary, level = EXCLUDED.level,
           target_groups = EXCLUDED.target_groups, languages = EXCLUDED.languages,
           estimated_minutes = EXCLUDED.estimated_minutes, lesson_count = EXCLUDED.lesson_count,
           search_document = EXCLUDED.search_document, published_at = EXCLUDED.published_at`,
        [
          courseId,
          versionId,
          course.slug,
          JSON.stringify(course.title),
          JSON.stringify(course.summary),
          course.level,
          course.targetGroups,
          course.languages,
          outline.estimatedMinutes,
          outline.lessonCount,
          searchText,
          course.coverKey,
        ],
      );
      await manager.update(
        Course,
        { id: courseId },
        {
          status: CourseStatus.Published,
          publishedVersion: version,
          publishedRevision: course.draftRevision,
        },
      );
    });
    await this.catalogueCache.invalidate();
    return this.get(courseId, actor);
  }

  /** Takes the course out of the catalogue and closes enrolment; enrolled learners keep their access. */
  async unpublish(courseId: string, actor: AuthUser): Promise<StudioCourseDto> {
    await this.dataSource.transaction(async (manager) => {
      await loadCourseForEdit(manager, courseId, actor, true);
      await manager.query('DELETE FROM course_catalogue WHERE course_id = $1', [courseId]);
      await manager.update(Course, { id: courseId }, { status: CourseStatus.Draft });
    });
    await this.catalogueCache.invalidate();
    return this.get(courseId, actor);
  }

  /**
   * Sets the draft's cover image. The file is checked (type by content, not by name; size;
   * dimensions) and stored under a content-addressed key, so a new cover gets a new URL and
   * cached copies of the old one never go stale.
   */
  async setCover(courseId: string, base64: string, actor: AuthUser): Promise<StudioCourseDto> {
    await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    const image = Buffer.from(base64, 'base64');
    const type = checkCover(image);
    const key = `covers/${courseId}/${createHash('sha256').update(image).digest('hex').slice(0, 16)}.${type}`;
    await this.storage.write(key, image, mediaContentType(key));
    return this.edit(courseId, actor, async (manager, course) => {
      await manager.update(Course, { id: course.id }, { coverKey: key });
    });
  }

  removeCover(courseId: string, actor: AuthUser): Promise<StudioCourseDto> {
    // The file stays: the published version may still show it.
    return this.edit(courseId, actor, async (manager, course) => {
      await manager.update(Course, { id: course.id }, { coverKey: null });
    });
  }

  /**
   * Retires a course: it leaves the catalogue and takes no new enrolments, while learners already
   * enrolled keep reading the last published version. Publishing again brings it back.
   */
  async archive(courseId: string, actor: AuthUser): Promise<StudioCourseDto> {
    await this.dataSource.transaction(async (manager) => {
      const course = await loadCourseForEdit(manager, courseId, actor, true);
      if (course.publishedVersion === null) {
        throw new AppError(
          ErrorCode.CourseNotOpen,
          HttpStatus.UNPROCESSABLE_ENTITY,
          'Only a course that has been published can be archived',
        );
      }
      await manager.query('DELETE FROM course_catalogue WHERE course_id = $1', [courseId]);
      await manager.update(Course, { id: courseId }, { status: CourseStatus.Archived });
    });
    await this.catalogueCache.invalidate();
    return this.get(courseId, actor);
  }

  async versions(courseId: string, actor: AuthUser): Promise<CourseVersionDto[]> {
    await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    const rows = await this.dataSource.query<
      { version: number; publishedAt: Date; publishedById: string | null; publishedByName: string | null }[]
    >(
      `SELECT v.version, v.published_at AS "publishedAt", u.id AS "publishedById", u.full_name AS "publishedByName"
         FROM course_versions v LEFT JOIN users u ON u.id = v.published_by
        WHERE v.course_id = $1 ORDER BY v.version DESC`,
      [courseId],
    );
    return rows.map((row) => ({
      version: row.version,
      publishedAt: new Date(row.publishedAt).toISOString(),
      publishedBy: row.publishedById ? { id: row.publishedById, fullName: row.publishedByName ?? '' } : null,
    }));
  }

  async addCoTeacher(courseId: string, phone: string, actor: AuthUser): Promise<StudioCourseDto> {
    return this.edit(courseId, actor, async (manager, course) => {
      const [user] = await manager.query<{ id: string; role: string }[]>(
        'SELECT id, role FROM users WHERE phone = $1',
        [phone],
      );
      if (!user) throw AppError.notFound(ErrorCode.UserNotFound, 'No account has this phone number');
      if (user.role !== Role.Teacher && user.role !== Role.ProvinceAdmin) {
        throw new AppError(
          ErrorCode.NotATeacher,
          HttpStatus.BAD_REQUEST,
          'Only teachers can co-teach a course',
        );
      }
      if (user.id === course.ownerId) return;
      await manager.query(
        'INSERT INTO course_co_teachers (course_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [course.id, user.id],
      );
    });
  }

  removeCoTeacher(courseId: string, userId: string, actor: AuthUser): Promise<StudioCourseDto> {
    return this.edit(courseId, actor, async (manager, course) => {
      await manager.query('DELETE FROM course_co_teachers WHERE course_id = $1 AND user_id = $2', [
        course.id,
        userId,
      ]);
    });
  }

  /** One draft edit: lock, check the editor, change, bump the draft revision, commit. */
  private async edit(
    courseId: string,
    actor: AuthUser,
    change: (manager: EntityManager, course: Course) => Promise<void>,
  ): Promise<StudioCourseDto> {
    return this.dataSource.transaction(async (manager) => {
      const course = await loadCourseForEdit(manager, courseId, actor, true);
      await change(manager, course);
      await manager.increment(Course, { id: course.id }, 'draftRevision', 1);
      const fresh = await manager.findOneOrFail(Course, { where: { id: course.id } });
      return this.describe(manager, fresh);
    });
  }

  private async describe(manager: EntityManager, course: Course): Promise<StudioCourseDto> {
    // Sequential on purpose: inside a transaction these share one connection.
    const people = await manager.query<{ id: string; fullName: string; isOwner: boolean }[]>(
      `SELECT u.id, u.full_name AS "fullName", u.id = $2 AS "isOwner" FROM users u
          WHERE u.id = $2 OR u.id IN (SELECT user_id FROM course_co_teachers WHERE course_id = $1)
          ORDER BY u.full_name`,
      [course.id, course.ownerId],
    );
    const sections = await manager.find(CourseSection, {
      where: { courseId: course.id },
      order: { position: 'ASC' },
    });
    const lessons = await manager.find(CourseLesson, {
      where: { courseId: course.id },
      order: { position: 'ASC' },
    });
    const owner = people.find((person) => person.isOwner);
    return {
      ...summaryOf(course),
      summary: course.summary,
      description: course.description,
      level: course.level,
      targetGroups: course.targetGroups,
      languages: course.languages,
      sequential: course.sequential,
      videoCompletionPercent: course.videoCompletionPercent,
      coverUrl: coverUrl(course.coverKey),
      owner: { id: course.ownerId, fullName: owner?.fullName ?? '' },
      coTeachers: people.filter((person) => !person.isOwner).map(({ id, fullName }) => ({ id, fullName })),
      sections: sections.map((section) => ({
        id: section.id,
        title: section.title,
        lessons: lessons
          .filter((lesson) => lesson.sectionId === section.id)
          .map(({ id, kind, title, required, estimatedMinutes, finalExam }) => ({
            id,
            kind,
            title,
            required,
            estimatedMinutes,
            finalExam,
          })),
      })),
    };
  }

  private async findSection(sectionId: string): Promise<CourseSection> {
    const section = await this.dataSource.manager.findOne(CourseSection, { where: { id: sectionId } });
    if (!section) throw AppError.notFound(ErrorCode.SectionNotFound, 'No such section');
    return section;
  }

  private async findLesson(lessonId: string): Promise<CourseLesson> {
    const lesson = await this.dataSource.manager.findOne(CourseLesson, { where: { id: lessonId } });
    if (!lesson) throw AppError.notFound(ErrorCode.LessonNotFound, 'No such lesson');
    return lesson;
  }
}

function summaryOf(course: Course): StudioCourseSummaryDto {
  return {
    id: course.id,
    slug: course.slug,
    title: course.title,
    status: course.status,
    publishedVersion: course.publishedVersion,
    hasUnpublishedChanges: course.publishedRevision !== course.draftRevision,
    updatedAt: course.updatedAt.toISOString(),
  };
}

/** The bank's questions as a draw sees them (id and tags). */
async function bankEntries(manager: EntityManager, courseId: string) {
  return manager.query<{ id: string; tags: string[] }[]>(
    'SELECT id, tags FROM questions WHERE course_id = $1',
    [courseId],
  );
}

/** Why a quiz lesson cannot be taken as it stands (empty for other kinds and for ready quizzes). */
function quizProblems(lesson: CourseLesson, bank: { id: string; tags: string[] }[]): string[] {
  if (lesson.kind !== LessonKind.Quiz) return [];
  if (!lesson.quiz) return ['Its settings (question pools, passing score) are not set yet'];
  const problem = poolsProblem(lesson.quiz.pools, bank);
  return problem ? [problem] : [];
}

function lessonDto(lesson: CourseLesson): Omit<StudioLessonDto, 'quizProblem'> {
  return {
    id: lesson.id,
    courseId: lesson.courseId,
    kind: lesson.kind,
    title: lesson.title,
    required: lesson.required,
    estimatedMinutes: lesson.estimatedMinutes,
    body: lesson.body,
    previewHtml: renderArticleTexts(lesson.body),
    finalExam: lesson.finalExam,
    quiz: lesson.quiz,
  };
}

function sameSet(given: string[], actual: string[]): boolean {
  return (
    given.length === actual.length &&
    new Set(given).size === given.length &&
    actual.every((id) => given.includes(id))
  );
}

async function uniqueSlug(manager: EntityManager, base: string): Promise<string> {
  const taken = await manager.query<unknown[]>('SELECT 1 FROM courses WHERE slug = $1', [base]);
  return taken.length === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
}

/** Closes the gaps a deletion leaves in the positions of the siblings. */
async function renumber(
  manager: EntityManager,
  table: string,
  parentColumn: string,
  parentId: string,
): Promise<void> {
  await manager.query(
    `UPDATE ${table} t SET position = ordered.rank - 1
       FROM (SELECT id, row_number() OVER (ORDER BY position) AS rank FROM ${table} WHERE ${parentColumn} = $1) ordered
      WHERE t.id = ordered.id`,
    [parentId],
  );
}

/**
 * What a version freezes of each video lesson: its current video, which must be ready, and its
 * caption files. Publishing fails, naming the lessons, while any video is missing or still processing.
 */
async function frozenVideoContent(manager: EntityManager, lessons: CourseLesson[]) {
  const ids = lessons.filter((lesson) => lesson.kind === LessonKind.Video).map((lesson) => lesson.id);
  const content = new Map<string, { videoAssetId: string; captions: { language: string; key: string }[] }>();
  if (ids.length === 0) return content;
  // Playable = a generation is published, even while a re-transcode of it runs or after one failed.
  const assets = await manager.query<{ lessonId: string; id: string; playable: boolean }[]>(
    `SELECT DISTINCT ON (lesson_id) lesson_id AS "lessonId", id, published_generation IS NOT NULL AS playable
       FROM video_assets WHERE lesson_id = ANY($1) ORDER BY lesson_id, created_at DESC`,
    [ids],
  );
  const captions = await manager.query<{ lessonId: string; language: string; key: string }[]>(
    `SELECT lesson_id AS "lessonId", language, storage_key AS key FROM lesson_captions
      WHERE lesson_id = ANY($1) ORDER BY language`,
    [ids],
  );
  const ready = new Map(assets.filter((asset) => asset.playable).map((asset) => [asset.lessonId, asset.id]));
  const notReady = ids.filter((id) => !ready.has(id));
  if (notReady.length > 0) {
    throw new AppError(
      ErrorCode.LessonVideoNotReady,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'Every video lesson needs a processed video before publishing',
      { lessonIds: notReady },
    );
  }
  for (const id of ids) {
    content.set(id, {
      videoAssetId: ready.get(id) as string,
      captions: captions.filter((c) => c.lessonId === id).map(({ language, key }) => ({ language, key })),
    });
  }
  return content;
}

/** The image type of a cover (jpg, png, webp) if it is acceptable; otherwise a COVER_INVALID error. */
function checkCover(image: Buffer): 'jpg' | 'png' | 'webp' {
  return checkImage(image, {
    label: 'The cover',
    code: ErrorCode.CoverInvalid,
    maxBytes: COVER_MAX_BYTES,
    minWidth: COVER_MIN_WIDTH,
    minHeight: COVER_MIN_HEIGHT,
    maxSide: COVER_MAX_SIDE,
  });
}
