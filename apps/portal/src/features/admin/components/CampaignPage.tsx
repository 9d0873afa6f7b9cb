import { CAMPAIGN_STAGES, type CampaignStage, Permission, Role } from '@hocvu/contracts';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { FormError } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import type { CampaignDashboard, CommuneRank, FunnelStage, StageCounts } from '../api/campaign-api';
import {
  barFill,
  chartSeries,
  formatPercent,
  groupRows,
  hasLearners,
  progressText,
  weekLabel,
  weeklyRows,
  yearInVietnam,
} from '../campaign';
import { useCampaignDashboard } from '../hooks/use-campaign';
import { useRefreshCampaignStats } from '../hooks/use-campaign-reports';
import { AdminNav } from './AdminNav';
import { readScope, toSearch } from './campaign-scope';
import { CampaignCommunity } from './CampaignCommunity';
import { CampaignFilters, type CampaignScope } from './CampaignFilters';
import { CampaignHouseholds } from './CampaignHouseholds';

// Chart.js has a chunk of its own, fetched only when a dashboard has weekly figures to draw.
const CampaignChart = lazy(() =>
  import('./CampaignChart').then((module) => ({ default: module.CampaignChart })),
);

function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'vi';
}

/** /admin/campaign — "Tiến độ phong trào": the funnel against the targets, week by week, commune by commune. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [currentYear] = useState(yearInVietnam);
  const scope = readScope(params, currentYear);
  const pickUnit = user?.role !== Role.CommuneAdmin;
  const query = { year: scope.year, ...(pickUnit && scope.unitId ? { unitId: scope.unitId } : {}) };
  const { data, error, isPending, isFetching, refetch } = useCampaignDashboard(query);

  return (
    <Page title={t('admin.sections.campaign.title')} lead={t('admin.campaign.lead')}>
      <AdminNav />
      <CampaignFilters
        key={params.toString()}
        scope={scope}
        currentYear={currentYear}
        pickUnit={pickUnit}
        label={t('admin.campaign.filtersLabel')}
        onApply={(next: CampaignScope) => setParams(toSearch(next, currentYear))}
      />
      <p>
        <Link to={{ pathname: paths.adminCampaignTargets, search: toSearch(scope, currentYear) }}>
          {can(Permission.CampaignTargetsManage)
            ? t('admin.campaign.setTargets')
            : t('admin.campaign.viewTargets')}
        </Link>
        {' · '}
        <Link to={paths.adminCampaignReports}>{t('admin.campaign.reports')}</Link>
      </p>
      {error ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Loading /> : null}
      {data && !error ? <Dashboard data={data} busy={isFetching} /> : null}
      {data && !error ? <RefreshNow /> : null}
    </Page>
  );
}

/** "Update now": figures are at most 5 minutes old; after an import or a class an admin wants them now. */
function RefreshNow() {
  const { t } = useTranslation();
  const refresh = useRefreshCampaignStats();
  return (
    <div className="actions">
      <button
        type="button"
        className="button button--secondary"
        disabled={refresh.isPending}
        onClick={() => refresh.mutate()}
      >
        {refresh.isPending ? t('admin.campaign.refreshing') : t('admin.campaign.refresh')}
      </button>
      {refresh.isSuccess ? (
        <p role="status" className="muted">
          {t('admin.campaign.refreshQueued')}
        </p>
      ) : null}
      {refresh.error ? <FormError error={refresh.error} /> : null}
    </div>
  );
}

function Dashboard({ data, busy }: { data: CampaignDashboard; busy: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = useMemo(
    () =>
      Object.fromEntries(data.funnel.map((stage) => [stage.stage, stage.learners])) as Record<
        CampaignStage,
        number
      >,
    [data.funnel],
  );
  const anyone = CAMPAIGN_STAGES.some((stage) => (total[stage] ?? 0) > 0);

  return (
    <div aria-busy={busy}>
      <section className="campaign-part" aria-labelledby="campaign-funnel-title">
        <h2 id="campaign-funnel-title">
          {t('admin.campaign.funnelTitle', { unit: data.unit.name, year: data.year })}
        </h2>
        <p className="muted">
          {data.refreshedAt
            ? t('admin.campaign.refreshedAt', { time: formatDateTime(data.refreshedAt, language) })
            : t('admin.campaign.neverRefreshed')}
        </p>
        {data.unit.population !== null ? (
          <p className="muted">
            {t('admin.campaign.population', { value: formatNumber(data.unit.population, language) })}
          </p>
        ) : null}
        {!anyone ? (
          <Alert tone="info">{t('admin.campaign.noLearners', { unit: data.unit.name })}</Alert>
        ) : null}
        <ol className="funnel">
          {data.funnel.map((stage) => (
            <FunnelRow key={stage.stage} stage={stage} />
          ))}
        </ol>
      </section>
      <Weekly data={data} />
      {data.unit.kind === 'province' ? <Communes communes={data.communes} /> : null}
      <Groups data={data} />
      <Inclusion data={data} />
      <CampaignHouseholds data={data} />
      <CampaignCommunity community={data.community} />
    </div>
  );
}

function FunnelRow({ stage }: { stage: FunnelStage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameId = `funnel-${stage.stage}`;
  const target = stage.target;
  return (
    <li className="funnel__stage">
      <div className="funnel__head">
        <span className="funnel__name" id={nameId}>
          {t(`admin.campaign.stages.${stage.stage}`)}
        </span>
        <span className="funnel__count">{formatNumber(stage.learners, language)}</span>
      </div>
      {!target ? (
        <p className="funnel__note">{t('admin.campaign.noTarget')}</p>
      ) : target.targetCount === null ? (
        <p className="funnel__note">
          {t('admin.campaign.percentWithoutBase', { percent: formatPercent(target.value, language) })}
        </p>
      ) : (
        <TargetBar
          labelledBy={nameId}
          reached={stage.learners}
          targetCount={target.targetCount}
          progressPercent={target.progressPercent}
          caption={
            target.kind === 'percent' && target.populationBase !== null
              ? t('admin.campaign.percentTarget', {
                  percent: formatPercent(target.value, language),
                  base: formatNumber(target.populationBase, language),
                })
              : undefined
          }
        />
      )}
    </li>
  );
}

/** A target's progress: a bar (role=progressbar) and the same in figures, "12.345 / 330.000 (3,7 %)". */
function TargetBar({
  labelledBy,
  reached,
  targetCount,
  progressPercent,
  caption,
}: {
  labelledBy: string;
  reached: number;
  targetCount: number;
  progressPercent: number | null;
  caption?: string | undefined;
}) {
  const language = useLanguage();
  const text = progressText(reached, targetCount, progressPercent, language);
  const fill = barFill(progressPercent ?? (targetCount > 0 ? (reached / targetCount) * 100 : 0));
  return (
    <div className="target-bar">
      <div
        className="target-bar__track"
        role="progressbar"
        aria-labelledby={labelledBy}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fill)}
        aria-valuetext={text}
      >
        <div className="target-bar__fill" style={{ width: `${fill}%` }} />
      </div>
      <p className="target-bar__text" aria-hidden="true">
        {text}
      </p>
      {caption ? <p className="funnel__note">{caption}</p> : null}
    </div>
  );
}

function Weekly({ data }: { data: CampaignDashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useMemo(() => weeklyRows(data.weekly), [data.weekly]);
  const stageLabel = useCallback((stage: CampaignStage) => t(`admin.campaign.stagesShort.${stage}`), [t]);
  const chart = useMemo(() => {
    const { labels, series } = chartSeries(rows);
    return { labels, series: series.map((line) => ({ ...line, label: stageLabel(line.stage) })) };
  }, [rows, stageLabel]);
  const format = useCallback((value: number) => formatNumber(value, language), [language]);
  const sums = useMemo(
    () =>
      Object.fromEntries(
        CAMPAIGN_STAGES.map((stage) => [stage, rows.reduce((sum, row) => sum + row[stage], 0)]),
      ) as Record<CampaignStage, number>,
    [rows],
  );
  const first = rows[0];
  const last = rows[rows.length - 1];

  return (
    <section className="campaign-part" aria-labelledby="campaign-weekly-title">
      <h2 id="campaign-weekly-title">{t('admin.campaign.weeklyTitle')}</h2>
      {!first || !last ? (
        <p>{t('admin.campaign.weeklyEmpty', { year: data.year })}</p>
      ) : (
        <>
          <p id="campaign-weekly-summary">
            {t('admin.campaign.weeklySummary', {
              from: weekLabel(first.week),
              to: weekLabel(last.week),
              registered: format(sums.registered),
              confirmed: format(sums.confirmed),
            })}
          </p>
          <Suspense
            fallback={
              <div className="campaign-chart">
                <Loading />
              </div>
            }
          >
            <CampaignChart
              labels={chart.labels}
              series={chart.series}
              label={t('admin.campaign.chartLabel', { year: data.year })}
              describedBy="campaign-weekly-summary"
              xTitle={t('admin.campaign.axisWeek')}
              yTitle={t('admin.campaign.axisLearners')}
              formatNumber={format}
            />
          </Suspense>
          {/* The chart's numbers as text: for screen readers, and for anyone who wants the figures. */}
          <details className="campaign-table">
            <summary>{t('admin.campaign.tableToggle')}</summary>
            <ScrollTable labelledBy="campaign-weekly-caption">
              {/* Read out (it names the scrolling region); the summary above already says it on screen. */}
              <caption id="campaign-weekly-caption" className="visually-hidden">
                {t('admin.campaign.tableCaption', { unit: data.unit.name, year: data.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.campaign.weekOf')}</th>
                  {CAMPAIGN_STAGES.map((stage) => (
                    <th key={stage} scope="col" className="num">
                      {stageLabel(stage)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.week}>
                    <th scope="row" className="nowrap">
                      {weekLabel(row.week)}
                    </th>
                    {CAMPAIGN_STAGES.map((stage) => (
                      <td key={stage} className="num">
                        {format(row[stage])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </details>
        </>
      )}
    </section>
  );
}

/** A phone shows the first ones; the whole province's list (40-odd communes) on request. */
const COMMUNES_SHOWN = 10;

function Communes({ communes }: { communes: CommuneRank[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [all, setAll] = useState(false);
  const shown = all ? communes : communes.slice(0, COMMUNES_SHOWN);
  return (
    <section className="campaign-part" aria-labelledby="campaign-communes-title">
      <h2 id="campaign-communes-title">{t('admin.campaign.communesTitle')}</h2>
      <p className="muted">{t('admin.campaign.communesHint')}</p>
      {communes.length === 0 ? (
        <p>{t('admin.campaign.communesEmpty')}</p>
      ) : (
        <ol className="rank-list" id="campaign-communes">
          {shown.map((commune, index) => {
            const nameId = `commune-${commune.communeId}`;
            return (
              <li key={commune.communeId} className="rank-list__item">
                <div className="rank-list__head">
                  <span className="rank-list__rank" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="rank-list__name" id={nameId}>
                    {commune.name}
                  </span>
                  <span className="rank-list__registered">
                    {t('admin.campaign.communeRegistered', {
                      registered: formatNumber(commune.registered, language),
                    })}
                  </span>
                </div>
                {commune.confirmedTarget === null ? (
                  <p className="rank-list__figures">
                    {t('admin.campaign.communeNoTarget', {
                      confirmed: formatNumber(commune.confirmed, language),
                    })}
                  </p>
                ) : (
                  <TargetBar
                    labelledBy={nameId}
                    reached={commune.confirmed}
                    targetCount={commune.confirmedTarget}
                    progressPercent={commune.progressPercent}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {communes.length > COMMUNES_SHOWN ? (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={all}
            aria-controls="campaign-communes"
            onClick={() => setAll((current) => !current)}
          >
            {all
              ? t('admin.campaign.communesFewer', { count: COMMUNES_SHOWN })
              : t('admin.campaign.communesAll', { count: communes.length })}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function Counts({ counts }: { counts: StageCounts }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <dl className="stage-counts">
      {CAMPAIGN_STAGES.map((stage) => (
        <div key={stage} className="stage-counts__item">
          <dt>{t(`admin.campaign.stagesShort.${stage}`)}</dt>
          <dd>{formatNumber(counts[stage], language)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Groups({ data }: { data: CampaignDashboard }) {
  const { t } = useTranslation();
  const rows = useMemo(() => groupRows(data.byTargetGroup), [data.byTargetGroup]);
  const anyone = rows.some(hasLearners);
  return (
    <section className="campaign-part" aria-labelledby="campaign-groups-title">
      <h2 id="campaign-groups-title">{t('admin.campaign.groupsTitle')}</h2>
      {!anyone ? (
        <p>{t('admin.campaign.groupsEmpty')}</p>
      ) : (
        <ul className="breakdown">
          {rows.map((row) => (
            <li key={row.group} className="breakdown__item">
              <h3 className="breakdown__title">{t(`admin.campaign.groups.${row.group}`)}</h3>
              <Counts counts={row} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Inclusion({ data }: { data: CampaignDashboard }) {
  const { t } = useTranslation();
  const parts = [
    { key: 'elderly', counts: data.elderly },
    { key: 'disability', counts: data.disability },
  ] as const;
  return (
    <section className="campaign-part" aria-labelledby="campaign-inclusion-title">
      <h2 id="campaign-inclusion-title">{t('admin.campaign.inclusionTitle')}</h2>
      <p className="muted">{t('admin.campaign.inclusionHint')}</p>
      <ul className="breakdown">
        {parts.map((part) => (
          <li key={part.key} className="breakdown__item">
            <h3 className="breakdown__title">{t(`admin.campaign.inclusion.${part.key}`)}</h3>
            {hasLearners(part.counts) ? (
              <Counts counts={part.counts} />
            ) : (
              <p className="funnel__note">{t('admin.campaign.inclusionEmpty')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
