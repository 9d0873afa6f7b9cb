import { AuthorQuestion, parseQuestionRows, questionProblems } from '@hocvu/assessment';
import { ErrorCode } from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { loadCourseForEdit } from '../courses/course-editor.guard';
import { LanguagesService } from '../languages/languages.service';
import { QuestionDto, QuestionImportResultDto, QuestionListDto } from './dto/question.dto';

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
    await this.check(question);
    const [row] = await this.dataSource.query<QuestionRow[]>(
      `INSERT INTO questions (course_id, type, tags, content, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, course_id AS "courseId", content, updated_at AS "updatedAt"`,
      [courseId, question.type, question.tags, JSON.stringify(question), actor.id],
    );
    return toDto(row);
  }

  async replace(questionId: string, question: AuthorQuestion, actor: AuthUser): Promise<QuestionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.loadForEdit(manager, questionId, actor);
      await this.check(question);
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
   * Imports the CSV question template: valid rows are added (in one transaction), invalid rows are
   * reported by spreadsheet row number with a specific message; a broken file imports nothing.
   */
  async importCsv(courseId: string, csv: string, actor: AuthUser): Promise<QuestionImportResultDto> {
    await loadCourseForEdit(this.dataSource.manager, courseId, actor);
    let rows: string[][];
    try {
      const parsed: unknown = parse(csv.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
        skip_empty_lines: false,
      });
      rows = parsed as string[][];
    } catch (error) {
      throw new AppError(ErrorCode.ImportInvalid, HttpStatus.BAD_REQUEST, 'The file is not valid CSV', [
        { row: 0, message: (error as Error).message },
      ]);
    }
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
          details: { imported: accepted.length, rejectedRows: new Set(errors.map((e) => e.row)).size },
        },
        manager,
      );
    });
    return { imported: accepted.length, errors: errors.sort((a, b) => a.row - b.row) };
  }

  private async check(question: AuthorQuestion): Promise<void> {
    const problems = questionProblems(question);
    if (problems.length > 0) {
      throw new AppError(ErrorCode.QuestionInvalid, HttpStatus.BAD_REQUEST, 'The question is not complete', {
        problems,
      });
    }
    await this.languages.assertKnown(languagesOf(question));
  }

  private async loadForEdit(manager: EntityManager, questionId: string, actor: AuthUser): Promise<void> {
    const [row] = await manager.query<{ courseId: string }[]>(
      'SELECT course_id AS "courseId" FROM questions WHERE id = $1 FOR UPDATE',
      [questionId],
    );
    if (!row) throw AppError.notFound(ErrorCode.QuestionNotFound, 'No such question');
    await loadCourseForEdit(manager, row.courseId, actor);
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
    ...('options' in question ? question.options.map((o) => o.text) : []),
  ];
  return [...new Set(texts.flatMap((text) => (text ? Object.keys(text) : [])))];
}
