import { MigrationInterface, QueryRunner } from 'typeorm';

/** A cover image per course (storage key); the catalogue row carries the published one. */
export class CourseCover1764200000000 implements MigrationInterface {
  name = 'CourseCover1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE courses ADD COLUMN cover_key varchar(512)`);
    await queryRunner.query(`ALTER TABLE course_catalogue ADD COLUMN cover_key varchar(512)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE course_catalogue DROP COLUMN cover_key`);
    await queryRunner.query(`ALTER TABLE courses DROP COLUMN cover_key`);
  }
}
