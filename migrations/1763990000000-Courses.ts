import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Courses with a mutable draft (sections, lessons) and immutable published versions; the catalogue
 * row each publication refreshes (searchable without diacritics); enrolments and lesson completions.
 * Needs the contrib extensions unaccent and pg_trgm (shipped with PostgreSQL; creating them needs a
 * role allowed to, see docs/operations.md).
 */
export class Courses1763990000000 implements MigrationInterface {
  name = 'Courses1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Immutable wrapper so the normalised text can be indexed. Vietnamese writes i and y
    // interchangeably in many words (kĩ/kỹ, lí/lý), so y is folded to i as well.
    await queryRunner.query(`
      CREATE FUNCTION hocvu_search_norm(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, value)), 'y', 'i') $$`);

    await queryRunner.query(`
      CREATE TABLE content_languages (
        code varchar(35) PRIMARY KEY,
        name varchar(80) NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO content_languages (code, name) VALUES
        ('vi', 'Tiếng Việt'), ('en', 'English'), ('blt', 'Tai Dam (Thái Đen)'), ('hmn', 'Hmoob (H''Mông)')`);

    await queryRunner.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(120) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft',
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        title jsonb NOT NULL,
        summary jsonb NOT NULL DEFAULT '{}'::jsonb,
        description jsonb NOT NULL DEFAULT '{}'::jsonb,
        level varchar(16) NOT NULL DEFAULT 'beginner',
        target_groups text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{vi}',
        sequential boolean NOT NULL DEFAULT false,
        draft_revision integer NOT NULL DEFAULT 1,
        published_revision integer,
        published_version integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_courses_slug UNIQUE (slug),
        CONSTRAINT ck_courses_status CHECK (status IN ('draft', 'published', 'archived')),
        CONSTRAINT ck_courses_level CHECK (level IN ('beginner', 'intermediate', 'advanced')),
        CONSTRAINT ck_courses_title_vi CHECK (title ? 'vi')
      )`);
    await queryRunner.query(`CREATE INDEX ix_courses_owner ON courses (owner_id)`);

    await queryRunner.query(`
      CREATE TABLE course_co_teachers (
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_course_co_teachers_user ON course_co_teachers (user_id)`);

    await queryRunner.query(`
      CREATE TABLE course_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_course_sections_position UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);

    await queryRunner.query(`
      CREATE TABLE course_lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        section_id uuid NOT NULL REFERENCES course_sections(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind varchar(16) NOT NULL,
        title jsonb NOT NULL,
        required boolean NOT NULL DEFAULT true,
        estimated_minutes integer NOT NULL DEFAULT 5,
        body jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_course_lessons_position UNIQUE (section_id, position) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT ck_course_lessons_kind CHECK (kind IN ('video', 'article', 'quiz')),
        CONSTRAINT ck_course_lessons_minutes CHECK (estimated_minutes BETWEEN 0 AND 600)
      )`);
    await queryRunner.query(`CREATE INDEX ix_course_lessons_course ON course_lessons (course_id)`);

    await queryRunner.query(`
      CREATE TABLE course_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        version integer NOT NULL,
        outline jsonb NOT NULL,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_course_versions_version UNIQUE (course_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE course_version_lessons (
        version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL,
        content jsonb NOT NULL,
        PRIMARY KEY (version_id, lesson_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE course_catalogue (
        course_id uuid PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
        slug varchar(120) NOT NULL,
        title jsonb NOT NULL,
        summary jsonb NOT NULL,
        level varchar(16) NOT NULL,
        target_groups text[] NOT NULL,
        languages text[] NOT NULL,
        estimated_minutes integer NOT NULL,
        lesson_count integer NOT NULL,
        search_document text NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_course_catalogue_search ON course_catalogue USING gin (search_document gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_course_catalogue_groups ON course_catalogue USING gin (target_groups)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_course_catalogue_languages ON course_catalogue USING gin (languages)`,
    );

    await queryRunner.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        source varchar(16) NOT NULL DEFAULT 'self',
        enrolled_by uuid REFERENCES users(id) ON DELETE SET NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT uq_enrolments_course_user UNIQUE (course_id, user_id),
        CONSTRAINT ck_enrolments_source CHECK (source IN ('self', 'bulk'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_enrolments_user ON enrolments (user_id, enrolled_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE lesson_completions (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, lesson_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_lesson_completions_course ON lesson_completions (user_id, course_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'lesson_completions',
      'enrolments',
      'course_catalogue',
      'course_version_lessons',
      'course_versions',
      'course_lessons',
      'course_sections',
      'course_co_teachers',
      'courses',
      'content_languages',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION hocvu_search_norm(text)`);
  }
}
