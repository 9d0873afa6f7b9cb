import { AuthorQuestion, parseQuestionRows, questionProblems } from '@hocvu/assessment';
import {
  ErrorCode,
  publicMediaUrl,
  QUESTION_IMAGE_MAX_BYTES,
  QUESTION_IMAGE_MIN_SIDE,
} from '@hocvu/contracts';
import { mediaContentType } from '@hocvu/server-kit';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { checkImage } from '../../common/images/check-image';
import { OBJECT_STORAGE, ObjectStorage } from '../../storage/storage.module';
import { AuditService } from '../audit/audit.service';
import { loadCourseForEdit } from '../courses/course-editor.guard';
import { LanguagesService } from '../languages/languages.service';
import {
  QuestionDto,
  QuestionImportResultDto,
  QuestionListDto,
  UploadedQuestionImageDto,
} from './dto/question.dto';
import { rowsFromCsv, rowsFromXlsx } from './question-file';

interface QuestionRow {
  id: string;
  courseId: string;
  content: AuthorQuestion;
  updatedAt: Date;
}

/**
 * A course's question bank. Only the course's editors see it: the questions carry their answers.
 * Every question is checked by @hocvu/assessment (the same rules the CSV import applies) and its
 * texts must use enabled content languages.
 */
@Injectable()
export class QuestionBankService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly languages: LanguagesService,
    private readonly audit: AuditService,
  ) {}

  async list(courseId: string, actor: AuthUser, tag?: string): Promise<QuestionListDto> {
    await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    const rows = await this.dataSource.query<QuestionRow[]>(
      `SELECT id, course_id AS "courseId", content, updated_at AS "updatedAt" FROM questions
        WHERE course_id = $1 AND ($2::text IS NULL OR tags @> ARRAY[$2::text]) ORDER BY created_at, id`,
      [courseId, tag ?? null],
    );
    const [{ tags }] = await this.dataSource.query<{ tags: string[] }[]>(
      `SELECT coalesce(array_agg(DISTINCT tag ORDER BY tag), '{}') AS tags
         FROM questions, unnest(tags) AS tag WHERE course_id = $1`,
      [courseId],
    );
    return { items: rows.map(toDto), tags };
  }

  async create(courseId: string, question: AuthorQuestion, actor: AuthUser): Promise<QuestionDto> {
    await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    await this.check(question, courseId);
    const [row] = await this.dataSource.query<QuestionRow[]>(
      `INSERT INTO questions (course_id, type, tags, content, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, course_id AS "courseId", content, updated_at AS "updatedAt"`,
      [courseId, question.type, question.tags, JSON.stringify(question), actor.id],
    );
    return toDto(row);
  }

  async replace(questionId: string, question: AuthorQuestion, actor: AuthUser): Promise<QuestionDto> {
    return this.dataSource.transaction(async (manager) => {
      const courseId = await this.loadForEdit(manager, questionId, actor);
      await this.check(question, courseId);
      // TypeORM answers an UPDATE with [rows, affected count].
      const [[row]] = await manager.query<[QuestionRow[], number]>(
        `UPDATE questions SET type = $2, tags = $3, content = $4, updated_at = now() WHERE id = $1
         RETURNING id, course_id AS "courseId", content, updated_at AS "updatedAt"`,
        [questionId, question.type, question.tags, JSON.stringify(question)],
      );
      return toDto(row);
    });
  }

  async remove(questionId: string, actor: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.loadForEdit(manager, questionId, actor);
      await manager.query('DELETE FROM questions WHERE id = $1', [questionId]);
    });
  }

  /**
   * Imports the question template, sent as CSV text or as an XLSX workbook (base64): valid rows are
   * added (in one transaction), invalid rows are reported by spreadsheet row number with a specific
   * message; a file that cannot be read imports nothing. Both formats go through the same rows → questions
   * step, so the same sheet gives the same report whichever way it is saved.
   */
  async importFile(
    courseId: string,
    file: { csv: string } | { xlsx: string },
    actor: AuthUser,
  ): Promise<QuestionImportResultDto> {
    await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    const rows = 'xlsx' in file ? await rowsFromXlsx(file.xlsx) : rowsFromCsv(file.csv);
    const result = parseQuestionRows(rows, { newId: () => randomUUID() });
    const errors = [...result.errors];
    const known = await this.languages.enabledCodes();
    const accepted: AuthorQuestion[] = [];
    result.questions.forEach((question, index) => {
      const unknown = languagesOf(question).filter((code) => !known.has(code));
      if (unknown.length > 0) {
        errors.push({
          row: result.questionRows[index],
          message: `Unknown language ${unknown.join(', ')}`,
        });
      } else accepted.push(question);
    });
    await this.dataSource.transaction(async (manager) => {
      for (const question of accepted) {
        await manager.query(
          `INSERT INTO questions (course_id, type, tags, content, created_by) VALUES ($1, $2, $3, $4, $5)`,
          [courseId, question.type, question.tags, JSON.stringify(question), actor.id],
        );
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'questions.import',
          targetType: 'course',
          targetId: courseId,
          details: {
            format: 'xlsx' in file ? 'xlsx' : 'csv',
            imported: accepted.length,
            rejectedRows: new Set(errors.map((e) => e.row)).size,
          },
        },
        manager,
      );
    });
    return { imported: accepted.length, errors: errors.sort((a, b) => a.row - b.row) };
  }

  /**
   * Stores an image for a question of this course under a content-addressed key (the same file twice
   * is one object); the editor then puts the key into the question's `image`.
   */
  async uploadImage(courseId: string, base64: string, actor: AuthUser): Promise<UploadedQuestionImageDto> {
    await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    const image = Buffer.from(base64, 'base64');
    const type = checkImage(image, {
      label: 'The question image',
      code: ErrorCode.QuestionImageInvalid,
      maxBytes: QUESTION_IMAGE_MAX_BYTES,
      minWidth: QUESTION_IMAGE_MIN_SIDE,
      minHeight: QUESTION_IMAGE_MIN_SIDE,
      maxSide: 4000,
    });
    const hash = createHash('sha256').update(image).digest('hex').slice(0, 16);
    const key = `question-images/${courseId}/${hash}.${type}`;
    await this.storage.write(key, image, mediaContentType(key));
    return { key, url: publicMediaUrl(key) };
  }

  private async check(question: AuthorQuestion, courseId: string): Promise<void> {
    const problems = questionProblems(question);
    // An image must have been uploaded for this course (not a key of another course, or made up).
    const imageKey: unknown = question.image?.key;
    if (
      typeof imageKey === 'string' &&
      !new RegExp(`^question-images/${courseId}/[0-9a-f]{16}\\.(jpg|png|webp)$`).test(imageKey)
    ) {
      problems.push('The image must be uploaded for this course first');
    }
    if (problems.length > 0) {
      throw new AppError(ErrorCode.QuestionInvalid, HttpStatus.BAD_REQUEST, 'The question is not complete', {
        problems,
      });
    }
    await this.languages.assertKnown(languagesOf(question));
  }

  private async loadForEdit(manager: EntityManager, questionId: string, actor: AuthUser): Promise<string> {
    const [row] = await manager.query<{ courseId: string }[]>(
      'SELECT course_id AS "courseId" FROM questions WHERE id = $1 FOR UPDATE',
      [questionId],
    );
    if (!row) throw AppError.notFound(ErrorCode.QuestionNotFound, 'No such question');
    await loadCourseForEdit(manager, row.courseId, actor);
    return row.courseId;
  }
}

function toDto(row: QuestionRow): QuestionDto {
  return { ...(row.content as QuestionDto), id: row.id, updatedAt: new Date(row.updatedAt).toISOString() };
}

/** Every language code a question's texts use. */
function languagesOf(question: AuthorQuestion): string[] {
  const texts = [
    question.text,
    question.explanation,
    question.image?.alt,
    ...('options' in question ? question.options.map((o) => o.text) : []),
  ];
  return [...new Set(texts.flatMap((text) => (text ? Object.keys(text) : [])))];
}
