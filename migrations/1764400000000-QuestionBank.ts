import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each course's question bank: author-side questions (with their answers, never sent to learners)
 * as JSON checked by @hocvu/assessment, tagged for the pools quizzes draw from.
 */
export class QuestionBank1764400000000 implements MigrationInterface {
  name = 'QuestionBank1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        type varchar(20) NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        content jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_questions_type
          CHECK (type IN ('single_choice', 'multiple_choice', 'true_false', 'ordering', 'short_text'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_questions_course ON questions (course_id, created_at)`);
    await queryRunner.query(`CREATE INDEX ix_questions_tags ON questions USING gin (tags)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE questions`);
  }
}
