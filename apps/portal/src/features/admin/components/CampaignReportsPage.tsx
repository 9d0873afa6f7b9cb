import { Permission, QUARTER_NUMERALS, quarterOf, Role } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAuth } from '../../../app/auth/auth-context';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { FormError, SelectField } from '../../../shared/forms';
import { saveBlob } from '../../../shared/save-file';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import {
  type CampaignReport,
  type CampaignReportFormat,
  fetchCampaignReportFile,
} from '../api/campaign-reports-api';
import { useCampaignReports, useRequestCampaignReport } from '../hooks/use-campaign-reports';
import { AdminNav } from './AdminNav';
import { UnitSelect } from './CampaignFilters';
import { FlashMessage } from './FlashMessage';

/** Quarters that have begun, newest first: this one and the previous seven. */
function quarterChoices(): { year: number; quarter: number }[] {
  let { year, quarter } = quarterOf(new Date());
  const choices = [];
  for (let index = 0; index < 8; index += 1) {
    choices.push({ year, quarter });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return choices;
}

/**
 * /admin/campaign/reports — "Báo cáo quý": the reports communes file before the 15th of each quarter's
 * first month. The worker makes them on the 1st by itself; an admin can make one now (a progress bar
 * follows it) and download any past one as XLSX or PDF.
 */
export function CampaignReportsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { user, can } = useAuth();
  const pickUnit = user?.role !== Role.CommuneAdmin;
  const { data, error, isPending, refetch } = useCampaignReports(undefined);
  const [flash, setFlash] = useState<{ id: string; message: string } | null>(null);

  return (
    <Page title={t('admin.sections.campaignReports.title')} lead={t('admin.reports.lead')}>
      <AdminNav />
      {can(Permission.CampaignReportGenerate) ? (
        <RequestForm
          pickUnit={pickUnit}
          onRequested={(report, created) =>
            setFlash({
              id: `${report.id}-${Date.now()}`,
              message: created
                ? t('admin.reports.requested', {
                    title: t('admin.reports.title', {
                      ...quarterLabel(report.quarter),
                      year: report.year,
                      unit: report.unitName,
                    }),
                  })
                : t('admin.reports.alreadyRunning', {
                    title: t('admin.reports.title', {
                      ...quarterLabel(report.quarter),
                      year: report.year,
                      unit: report.unitName,
                    }),
                  }),
            })
          }
        />
      ) : null}
      {flash ? <FlashMessage id={flash.id}>{flash.message}</FlashMessage> : null}
      <section aria-labelledby="reports-list-title" className="campaign-part">
        <h2 id="reports-list-title">{t('admin.reports.listTitle')}</h2>
        <p className="muted">{t('admin.reports.schedule')}</p>
        {error ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
        {isPending ? <Loading /> : null}
        {data && !error ? (
          data.items.length === 0 ? (
            <p>{t('admin.reports.empty')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((report) => (
                <ReportCard key={report.id} report={report} language={language} />
              ))}
            </ul>
          )
        ) : null}
      </section>
    </Page>
  );
}

/** Vietnamese writes "Quý III/2026", English "Q3 2026": both forms go to the translation. */
function quarterLabel(quarter: number): { roman: string; number: number } {
  return { roman: QUARTER_NUMERALS[quarter - 1], number: quarter };
}

function RequestForm({
  pickUnit,
  onRequested,
}: {
  pickUnit: boolean;
  onRequested: (report: CampaignReport, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const choices = quarterChoices();
  // The quarter just ended is what a commune files; the one running is there for figures so far.
  const [period, setPeriod] = useState(`${choices[1].year}-${choices[1].quarter}`);
  const [unitId, setUnitId] = useState('');
  const request = useRequestCampaignReport();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [year, quarter] = period.split('-').map(Number);
    request.mutate(
      { year, quarter, ...(pickUnit && unitId ? { unitId } : {}) },
      { onSuccess: ({ report, created }) => onRequested(report, created) },
    );
  };

  return (
    <form className="filters" aria-labelledby="report-form-title" onSubmit={onSubmit}>
      <h2 id="report-form-title">{t('admin.reports.formTitle')}</h2>
      <SelectField
        id="report-period"
        label={t('admin.reports.quarter')}
        value={period}
        onValueChange={setPeriod}
      >
        {choices.map(({ year, quarter }, index) => (
          <option key={`${year}-${quarter}`} value={`${year}-${quarter}`}>
            {index === 0
              ? t('admin.reports.quarterRunning', { ...quarterLabel(quarter), year })
              : t('admin.reports.quarterOption', { ...quarterLabel(quarter), year })}
          </option>
        ))}
      </SelectField>
      {pickUnit ? <UnitSelect value={unitId} onValueChange={setUnitId} /> : null}
      {request.error ? <FormError error={request.error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={request.isPending}>
          {request.isPending ? t('admin.reports.requesting') : t('admin.reports.request')}
        </button>
      </div>
    </form>
  );
}

function ReportCard({ report, language }: { report: CampaignReport; language: string }) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState<CampaignReportFormat | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const titleId = `report-${report.id}`;

  const download = async (format: CampaignReportFormat, fileName: string) => {
    setDownloading(format);
    setDownloadError(null);
    try {
      saveBlob(await fetchCampaignReportFile(report.id, format), fileName);
    } catch (failure) {
      setDownloadError(failure);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <li className="card report-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('admin.reports.title', {
          ...quarterLabel(report.quarter),
          year: report.year,
          unit: report.unitName,
        })}
      </h3>
      <p className="muted">
        {report.scheduled
          ? t('admin.reports.byScheduleAt', { time: formatDateTime(report.requestedAt, language) })
          : t('admin.reports.requestedBy', {
              name: report.requestedByName ?? t('admin.reports.someone'),
              time: formatDateTime(report.requestedAt, language),
            })}
      </p>
      {report.status === 'queued' || report.status === 'running' ? (
        <div className="target-bar">
          <div
            className="target-bar__track"
            role="progressbar"
            aria-labelledby={titleId}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={report.progressPercent}
            aria-valuetext={t('admin.reports.progress', { percent: report.progressPercent })}
          >
            <div className="target-bar__fill" style={{ width: `${report.progressPercent}%` }} />
          </div>
          <p className="target-bar__text" aria-live="polite">
            {report.status === 'queued'
              ? t('admin.reports.queued')
              : t('admin.reports.progress', { percent: report.progressPercent })}
          </p>
        </div>
      ) : null}
      {report.status === 'failed' ? (
        <Alert tone="error">{t('admin.reports.failed', { reason: report.error ?? '' })}</Alert>
      ) : null}
      {report.status === 'done' ? (
        <>
          <p className="muted">
            {report.partial
              ? t('admin.reports.partial', { time: formatDateTime(report.finishedAt, language) })
              : t('admin.reports.finishedAt', { time: formatDateTime(report.finishedAt, language) })}
          </p>
          <div className="actions">
            {report.files.map((file) => (
              <button
                key={file.format}
                type="button"
                className="button button--secondary"
                disabled={downloading !== null}
                onClick={() => void download(file.format, file.fileName)}
              >
                {downloading === file.format
                  ? t('admin.reports.downloading')
                  : t(`admin.reports.download.${file.format}`, {
                      size: formatNumber(Math.max(1, Math.round(file.bytes / 1024)), language),
                    })}
              </button>
            ))}
          </div>
          {downloadError ? <FormError error={downloadError} /> : null}
        </>
      ) : null}
    </li>
  );
}
