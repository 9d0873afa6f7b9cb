import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Watched progress belongs to one video: a lesson whose video is replaced starts the learner's
 * progress afresh (asset_id). Watching is paid from a capped credit (watch_credit_seconds) so
 * rapid heartbeats cannot each claim their own allowance.
 */
export class VideoProgressPerAsset1764300000000 implements MigrationInterface {
  name = 'VideoProgressPerAsset1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE video_progress ADD COLUMN IF NOT EXISTS watch_credit_seconds real NOT NULL DEFAULT 15`,
    );
    await queryRunner.query(`ALTER TABLE video_progress ADD COLUMN asset_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE video_progress DROP COLUMN asset_id`);
    await queryRunner.query(`ALTER TABLE video_progress DROP COLUMN watch_credit_seconds`);
  }
}
