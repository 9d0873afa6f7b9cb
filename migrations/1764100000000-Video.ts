import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Video lessons: uploaded sources and their HLS renditions (video_assets), captions per lesson and
 * language, each learner's watched intervals per video lesson, and the per-course share of a video
 * that must be watched to complete it.
 */
export class Video1764100000000 implements MigrationInterface {
  name = 'Video1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE courses ADD COLUMN video_completion_percent smallint NOT NULL DEFAULT 90
        CONSTRAINT ck_courses_video_completion CHECK (video_completion_percent BETWEEN 50 AND 100)`);

    // lesson_id has no foreign key on purpose: a published version keeps playing an asset after
    // its draft lesson is deleted or given another video.
    await queryRunner.query(`
      CREATE TABLE video_assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL,
        upload_id varchar(200) NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        original_filename varchar(255) NOT NULL,
        size_bytes bigint NOT NULL,
        source_key varchar(512) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued',
        progress_percent smallint,
        error_code varchar(64),
        error_message text,
        generation integer NOT NULL DEFAULT 1,
        published_generation integer,
        duration_seconds real,
        width integer,
        height integer,
        rungs jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz,
        CONSTRAINT uq_video_assets_upload UNIQUE (upload_id),
        CONSTRAINT ck_video_assets_status CHECK (status IN ('queued', 'processing', 'ready', 'failed')),
        CONSTRAINT ck_video_assets_progress CHECK (progress_percent BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_video_assets_lesson ON video_assets (lesson_id, created_at DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE lesson_captions (
        lesson_id uuid NOT NULL REFERENCES course_lessons(id) ON DELETE CASCADE,
        language varchar(35) NOT NULL REFERENCES content_languages(code) ON DELETE RESTRICT,
        storage_key varchar(512) NOT NULL,
        cue_count integer NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lesson_id, language)
      )`);

    await queryRunner.query(`
      CREATE TABLE video_progress (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        intervals jsonb NOT NULL DEFAULT '[]'::jsonb,
        watched_seconds real NOT NULL DEFAULT 0,
        duration_seconds real NOT NULL,
        position_seconds real NOT NULL DEFAULT 0,
        heartbeats integer NOT NULL DEFAULT 0,
        last_heartbeat_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (user_id, lesson_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE video_progress`);
    await queryRunner.query(`DROP TABLE lesson_captions`);
    await queryRunner.query(`DROP TABLE video_assets`);
    await queryRunner.query(`ALTER TABLE courses DROP COLUMN video_completion_percent`);
  }
}
