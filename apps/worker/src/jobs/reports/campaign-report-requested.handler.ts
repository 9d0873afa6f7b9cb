import { CampaignReportStatus, JobName, JobPayloads } from '@hocvu/contracts';
import { ObjectStorage } from '@hocvu/server-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { HandlesJob, JobContext, JobHandler } from '../../queue/job-handler';
import { OBJECT_STORAGE } from '../media/storage.provider';
import { readCampaignReportFigures } from './campaign-report-figures';
import { reportFileName } from './campaign-report-labels';
import { CampaignReportPdfRenderer } from './campaign-report-pdf';
import { renderCampaignReportXlsx } from './campaign-report-xlsx';

type Payload = JobPayloads[typeof JobName.CampaignReportRequested];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Generates a requested report: reads the figures, writes the XLSX and the PDF to storage, and marks
 * the report done with the figures it states. Progress goes to the report row (the portal polls it).
 *
 * Safe to run again: a worker killed half-way leaves the row `running`, and the retry (BullMQ's stalled
 * check) writes the same files under the same keys and finishes the same row — a report never has two
 * sets of files, and a finished or failed report is left alone.
 */
@Injectable()
@HandlesJob(JobName.CampaignReportRequested)
export class CampaignReportRequestedHandler implements JobHandler<typeof JobName.CampaignReportRequested> {
  private readonly logger = new Logger(CampaignReportRequestedHandler.name);
  /** Made at the first report, not at worker start: parsing the fonts is wasted on the many workers
   *  that never make one (the schedule runs four times a year). */
  private pdf: CampaignReportPdfRenderer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async handle(
    { reportId }: Payload,
    context: JobContext,
  ): Promise<{ outcome: string; durationMs?: number }> {
    const started = Date.now();
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [[claimed]] = await this.dataSource.query<
      [{ unitId: string; year: number; quarter: number }[], number]
    >(
      `UPDATE campaign_reports
          SET status = 'running', started_at = COALESCE(started_at, now()), attempts = attempts + 1,
              progress_percent = 5, error = NULL, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING unit_id AS "unitId", year, quarter`,
      [reportId],
    );
    if (!claimed) return { outcome: 'not-pending' };
    const progress = async (percent: number) => {
      await this.dataSource.query(
        `UPDATE campaign_reports SET progress_percent = $2, updated_at = now() WHERE id = $1`,
        [reportId, percent],
      );
      await context.updateProgress(percent);
    };

    const figures = await readCampaignReportFigures(this.dataSource.manager, claimed);
    await progress(35);
    const xlsx = await renderCampaignReportXlsx(figures);
    await progress(60);
    this.pdf ??= new CampaignReportPdfRenderer();
    const pdf = await this.pdf.render(figures);
    await progress(85);
    const xlsxKey = `reports/${reportId}/${reportFileName(figures, 'xlsx')}`;
    const pdfKey = `reports/${reportId}/${reportFileName(figures, 'pdf')}`;
    await this.storage.write(xlsxKey, xlsx, XLSX_TYPE);
    await this.storage.write(pdfKey, pdf, 'application/pdf');
    await this.dataSource.query(
      `UPDATE campaign_reports
          SET status = $2, progress_percent = 100, finished_at = now(), updated_at = now(), xlsx_key = $3, xlsx_bytes = $4,
              pdf_key = $5, pdf_bytes = $6, figures = $7
        WHERE id = $1 AND status = 'running'`,
      [
        reportId,
        CampaignReportStatus.Done,
        xlsxKey,
        xlsx.length,
        pdfKey,
        pdf.length,
        JSON.stringify(figures),
      ],
    );
    const durationMs = Date.now() - started;
    this.logger.log(
      `Report ${reportId} (${figures.unit.name}, Q${figures.quarter}/${figures.year}) in ${durationMs} ms`,
    );
    return { outcome: 'done', durationMs };
  }

  /** Out of retries: the report says so (with the reason) instead of spinning forever in the portal. */
  async onFinalFailure({ reportId }: Payload, error: Error): Promise<void> {
    await this.dataSource.query(
      `UPDATE campaign_reports SET status = 'failed', finished_at = now(), updated_at = now(), error = $2
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [reportId, error.message.slice(0, 500)],
    );
  }
}
