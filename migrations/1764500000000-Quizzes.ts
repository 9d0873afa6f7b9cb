import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quizzes, course completion and the transactional outbox.
 *
 * - course_lessons.quiz: a quiz lesson's settings (pools, limits, feedback policy); final_exam marks
 *   the course's one final exam (at most one per course).
 * - quiz_attempts: an attempt freezes its settings and the author-side questions it drew, so later
 *   edits of the bank or the quiz never change an attempt in progress or its grading.
 * - quiz_attempt_answers: one row per question of a finished attempt (null answer when unanswered), so
 *   item statistics count every time a question was drawn; rows appear as learners autosave.
 * - course_completions: exactly one per enrolment (the primary key enforces it).
 * - outbox_events: events written in the same transaction as the change they announce; the worker
 *   relays them to the queue. dedupe_key is unique, so an event is recorded once however often the
 *   change is retried.
 */
export class Quizzes1764500000000 implements MigrationInterface {
  name = 'Quizzes1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE course_lessons ADD COLUMN quiz jsonb`);
    await queryRunner.query(
      `ALTER TABLE course_lessons ADD COLUMN final_exam boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE course_lessons ADD CONSTRAINT ck_course_lessons_final_exam_quiz CHECK (NOT final_exam OR kind = 'quiz')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_course_lessons_final_exam ON course_lessons (course_id) WHERE final_exam`,
    );

    await queryRunner.query(`ALTER TABLE enrolments ADD COLUMN progress_percent smallint NOT NULL DEFAULT 0`);
    // Backfill from the lessons completed so far (no final exams exist yet: required lessons only).
    await queryRunner.query(`
      UPDATE enrolments e SET progress_percent = p.percent
        FROM (SELECT x.id, floor(100.0 * count(lc.lesson_id) / count(*))::smallint AS percent
                FROM enrolments x
                JOIN courses c ON c.id = x.course_id
                JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version
                CROSS JOIN LATERAL jsonb_array_elements(v.outline -> 'sections') AS s(section)
                CROSS JOIN LATERAL jsonb_array_elements(s.section -> 'lessons') AS l(lesson)
                LEFT JOIN lesson_completions lc ON lc.user_id = x.user_id AND lc.lesson_id = (l.lesson ->> 'id')::uuid
               WHERE (l.lesson ->> 'required')::boolean
               GROUP BY x.id) p
       WHERE p.id = e.id`);

    await queryRunner.query(`
      CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL,
        version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
        attempt_no integer NOT NULL,
        seed varchar(64) NOT NULL,
        settings jsonb NOT NULL,
        questions jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'in_progress',
        started_at timestamptz NOT NULL DEFAULT now(),
        deadline_at timestamptz,
        finished_at timestamptz,
        points real,
        max_points integer,
        score_percent numeric(4, 1),
        passed boolean,
        CONSTRAINT uq_quiz_attempts_number UNIQUE (user_id, lesson_id, attempt_no),
        CONSTRAINT ck_quiz_attempts_status CHECK (status IN ('in_progress', 'submitted', 'timed_out')),
        CONSTRAINT ck_quiz_attempts_finished CHECK ((status = 'in_progress') = (finished_at IS NULL))
      )`);
    // One attempt in progress per learner and quiz: starting again resumes it (and a double tap starts one).
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_quiz_attempts_open ON quiz_attempts (user_id, lesson_id) WHERE status = 'in_progress'`,
    );
    // The auto-close job's scan: open attempts by deadline.
    await queryRunner.query(
      `CREATE INDEX ix_quiz_attempts_deadline ON quiz_attempts (deadline_at) WHERE status = 'in_progress'`,
    );
    await queryRunner.query(`CREATE INDEX ix_quiz_attempts_lesson ON quiz_attempts (lesson_id, finished_at)`);

    await queryRunner.query(`
      CREATE TABLE quiz_attempt_answers (
        attempt_id uuid NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        question_id uuid NOT NULL,
        position smallint NOT NULL,
        answer jsonb,
        answered_at timestamptz,
        time_spent_ms integer NOT NULL DEFAULT 0,
        locked boolean NOT NULL DEFAULT false,
        score real,
        correct boolean,
        PRIMARY KEY (attempt_id, question_id),
        CONSTRAINT ck_quiz_attempt_answers_time CHECK (time_spent_ms >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_quiz_attempt_answers_question ON quiz_attempt_answers (question_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE course_completions (
        enrolment_id uuid PRIMARY KEY REFERENCES enrolments(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE RESTRICT,
        final_exam_percent numeric(4, 1),
        completed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_course_completions_course ON course_completions (course_id, completed_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        type varchar(60) NOT NULL,
        dedupe_key varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        CONSTRAINT uq_outbox_events_dedupe UNIQUE (dedupe_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_outbox_events_pending ON outbox_events (id) WHERE relayed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['outbox_events', 'course_completions', 'quiz_attempt_answers', 'quiz_attempts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE enrolments DROP COLUMN progress_percent`);
    await queryRunner.query(`DROP INDEX uq_course_lessons_final_exam`);
    await queryRunner.query(`ALTER TABLE course_lessons DROP CONSTRAINT ck_course_lessons_final_exam_quiz`);
    await queryRunner.query(`ALTER TABLE course_lessons DROP COLUMN final_exam`);
    await queryRunner.query(`ALTER TABLE course_lessons DROP COLUMN quiz`);
  }
}
