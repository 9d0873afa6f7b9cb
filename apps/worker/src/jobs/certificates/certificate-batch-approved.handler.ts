import { JobName, JobPayloads } from '@hocvu/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobContext, JobHandler } from '../../queue/job-handler';
import { CertificateIssuer } from './certificate-issuer.service';

/**
 * `CertificateBatchApproved`: issue a skill certificate per item of the batch. Items already issued are
 * skipped, so a job retried after a crash half-way carries on where it stopped.
 */
@Injectable()
@HandlesJob(JobName.CertificateBatchApproved)
export class CertificateBatchApprovedHandler implements JobHandler<typeof JobName.CertificateBatchApproved> {
  private readonly logger = new Logger(CertificateBatchApprovedHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuer: CertificateIssuer,
  ) {}

  async handle(
    event: JobPayloads[typeof JobName.CertificateBatchApproved],
    context: JobContext,
  ): Promise<{ issued: number; total: number }> {
    const items = await this.dataSource.query<{ id: string; issued: boolean }[]>(
      `SELECT i.id, EXISTS (SELECT 1 FROM certificates c WHERE c.batch_item_id = i.id) AS issued
         FROM certificate_batch_items i WHERE i.batch_id = $1 ORDER BY i.id`,
      [event.batchId],
    );
    let issued = 0;
    let done = 0;
    for (const item of items) {
      if (!item.issued) {
        const outcome = await this.issuer.issueForBatchItem(item.id);
        if (outcome.outcome === 'issued') issued += 1;
        if (outcome.outcome === 'skipped') this.logger.warn(`No certificate: ${outcome.reason}`);
      }
      done += 1;
      if (done % 50 === 0) await context.updateProgress(Math.round((done / items.length) * 100));
    }
    this.logger.log(`Batch ${event.batchId}: ${issued} certificates issued, ${items.length} items`);
    return { issued, total: items.length };
  }
}
