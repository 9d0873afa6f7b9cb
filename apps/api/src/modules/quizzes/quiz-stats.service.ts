import { ErrorCode, LessonKind, LocalizedText } from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { loadCourseForEdit } from '../courses/course-editor.guard';
import { QuizStatsDto } from './dto/quiz-stats.dto';

/**
 * Item statistics for teachers, over finished attempts: per question how often it was drawn, answered
 * and fully correct, its mean score and time; per quiz the score distribution in tenths. Grading wrote
 * one row per drawn question, so these are plain aggregates (indexed by lesson and by question).
 */
@Injectable()
export class QuizStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(lessonId: string, actor: AuthUser): Promise<QuizStatsDto> {
    const [lesson] = await this.dataSource.query<{ courseId: string; kind: LessonKind }[]>(
      'SELECT course_id AS "courseId", kind FROM course_lessons WHERE id = $1',
      [lessonId],
    );
    if (!lesson) throw AppError.notFound(ErrorCode.LessonNotFound, 'No such lesson');
    await loadCourseForEdit(this.dataSource.manager, lesson.courseId, actor);
    if (lesson.kind !== LessonKind.Quiz) {
      throw new AppError(
        ErrorCode.LessonKindUnsupported,
        HttpStatus.BAD_REQUEST,
        'This lesson is not a quiz',
      );
    }

    const [totals] = await this.dataSource.query<
      { attempts: number; learners: number; passed: number; average: string | null }[]
    >(
      `SELECT count(*)::int AS attempts, count(DISTINCT user_id)::int AS learners,
              count(*) FILTER (WHERE passed)::int AS passed, round(avg(score_percent), 1) AS average
         FROM quiz_attempts WHERE lesson_id = $1 AND status <> 'in_progress'`,
      [lessonId],
    );
    const buckets = await this.dataSource.query<{ bucket: number; count: number }[]>(
      `SELECT least(floor(score_percent / 10), 9)::int AS bucket, count(*)::int AS count
         FROM quiz_attempts WHERE lesson_id = $1 AND status <> 'in_progress'
        GROUP BY 1`,
      [lessonId],
    );
    const questions = await this.dataSource.query<
      {
        questionId: string;
        text: LocalizedText | null;
        type: string | null;
        attempts: number;
        answered: number;
        correct: number;
        averageScore: number | null;
        averageMs: number | null;
      }[]
    >(
      `SELECT s.question_id AS "questionId", q.content -> 'text' AS text, q.type, s.attempts, s.answered, s.correct,
              s.average_score AS "averageScore", s.average_ms AS "averageMs"
         FROM (SELECT x.question_id, count(*)::int AS attempts,
                      count(*) FILTER (WHERE x.answer IS NOT NULL)::int AS answered,
                      count(*) FILTER (WHERE x.correct)::int AS correct,
                      avg(x.score)::float8 AS average_score,
                      (avg(x.time_spent_ms) FILTER (WHERE x.answer IS NOT NULL))::float8 AS average_ms
                 FROM quiz_attempt_answers x
                 JOIN quiz_attempts a ON a.id = x.attempt_id
                WHERE a.lesson_id = $1 AND a.status <> 'in_progress'
                GROUP BY x.question_id) s
         LEFT JOIN questions q ON q.id = s.question_id`,
      [lessonId],
    );
    const counts = new Map(buckets.map((row) => [row.bucket, row.count]));
    return {
      lessonId,
      attempts: totals.attempts,
      learners: totals.learners,
      passedAttempts: totals.passed,
      averagePercent: totals.average === null ? null : Number(totals.average),
      distribution: Array.from({ length: 10 }, (_, i) => ({
        from: i * 10,
        to: i === 9 ? 100 : i * 10 + 9.9,
        count: counts.get(i) ?? 0,
      })),
      questions: questions
        .map((row) => ({
          questionId: row.questionId,
          text: row.text,
          type: row.type ?? 'deleted',
          attempts: row.attempts,
          answered: row.answered,
          correctPercent: row.attempts === 0 ? null : Math.floor((row.correct * 1000) / row.attempts) / 10,
          averageScore: row.averageScore === null ? null : Math.round(row.averageScore * 1000) / 1000,
          averageSeconds: row.averageMs === null ? null : Math.round(row.averageMs / 100) / 10,
        }))
        .sort((a, b) => (a.correctPercent ?? 101) - (b.correctPercent ?? 101)),
    };
  }
}
