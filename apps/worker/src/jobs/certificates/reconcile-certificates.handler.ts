import { JobName, JobPayloads } from '@hocvu/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobHandler } from '../../queue/job-handler';
import { CertificateIssuer } from './certificate-issuer.service';

/**
 * The safety net under event-driven issuance: completions (and approved batch items) that have had no
 * certificate for a while get one. Covers a job that failed for good, a key configured late, a queue
 * emptied by hand. Younger completions are left to their events.
 */
@Injectable()
@HandlesJob(JobName.ReconcileCertificates)
export class ReconcileCertificatesHandler implements JobHandler<typeof JobName.ReconcileCertificates> {
  private readonly logger = new Logger(ReconcileCertificatesHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuer: CertificateIssuer,
  ) {}

  async handle(
    payload: JobPayloads[typeof JobName.ReconcileCertificates],
  ): Promise<{ enrolments: number; batchItems: number }> {
    const enrolments = await this.dataSource.query<{ id: string }[]>(
      `SELECT cc.enrolment_id AS id FROM course_completions cc
        WHERE cc.completed_at < now() - make_interval(mins => $1)
          AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrolment_id = cc.enrolment_id)
        ORDER BY cc.completed_at LIMIT $2`,
      [payload.olderThanMinutes, payload.batchSize],
    );
    for (const { id } of enrolments) await this.issuer.issueForEnrolment(id);
    const items = await this.dataSource.query<{ id: string }[]>(
      `SELECT i.id FROM certificate_batch_items i JOIN certificate_batches b ON b.id = i.batch_id
        WHERE b.state = 'approved' AND b.decided_at < now() - make_interval(mins => $1)
          AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.batch_item_id = i.id)
        ORDER BY b.decided_at LIMIT $2`,
      [payload.olderThanMinutes, payload.batchSize],
    );
    for (const { id } of items) await this.issuer.issueForBatchItem(id);
    if (enrolments.length + items.length > 0) {
      this.logger.warn(
        `Issued missing certificates: ${enrolments.length} completions, ${items.length} batch items`,
      );
    }
    return { enrolments: enrolments.length, batchItems: items.length };
  }
}
