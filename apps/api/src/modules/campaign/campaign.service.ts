import {
  CAMPAIGN_STAGES,
  CampaignStage,
  compareCommuneProgress,
  ErrorCode,
  JobName,
  TargetGroup,
  TargetKind,
  targetLearnerCount,
  targetProgressPercent,
} from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { JobQueue } from '../../queue/job-queue.module';
import { AuditService } from '../audit/audit.service';
import { campaignUnitFor } from './campaign-unit';
import { communityFigures } from './community-figures';
import {
  CommuneRankDto,
  DashboardDto,
  DashboardQueryDto,
  FunnelStageDto,
  GroupBreakdownDto,
  HouseholdsDto,
  PutTargetDto,
  StageCountsDto,
  StatsRefreshQueuedDto,
  TargetDto,
  TargetProgressDto,
  WeeklyPointDto,
} from './dto/campaign.dto';

/** One row of the grouping sets: a stage total, a stage per target group, or a stage per commune. */
interface SumRow {
  stage: CampaignStage;
  targetGroup: TargetGroup | null;
  communeId: string | null;
  byGroup: boolean;
  byCommune: boolean;
  learners: number;
  elderly: number | null;
  disability: number | null;
}

interface CommuneUnit {
  id: string;
  name: string;
  population: number | null;
}

interface TargetRow {
  id: string;
  year: number;
  unitId: string;
  unitName: string;
  targetGroup: TargetGroup | null;
  metric: CampaignStage;
  kind: TargetKind;
  value: string;
  populationBase: number | null;
  unitPopulation: number | null;
}

const SELECT_TARGET = `
  SELECT t.id, t.year, t.unit_id AS "unitId", u.name AS "unitName", t.target_group AS "targetGroup", t.metric,
         t.kind, t.value, t.population_base AS "populationBase", u.population AS "unitPopulation"
    FROM campaign_targets t JOIN admin_units u ON u.id = t.unit_id`;

/**
 * The campaign's numbers: the funnel of a province or a commune (learners at each stage to date) against
 * its yearly targets, the year's weekly progress, communes ranked, and breakdowns by target group and
 * inclusion attributes. Everything is read from the `campaign_funnel` and `campaign_weekly` materialised
 * views (refreshed every 5 minutes by the worker), a few thousand rows at campaign scale, never from
 * learners, enrolments and certificates directly.
 *
 * Scoping: a commune admin sees their own commune only — any other unit is refused — and the scope is
 * part of every query, not a filter applied afterwards.
 */
@Injectable()
export class CampaignService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Asks the worker to refresh the aggregates now (an admin who just imported a roster or ran a class
   * wants to see it). BullMQ's deduplication makes presses while a refresh waits join it, and presses
   * while one runs queue exactly one more (which sees what changed meanwhile); the refresh itself skips
   * when another worker's is running.
   */
  async refreshNow(): Promise<StatsRefreshQueuedDto> {
    await this.queue.add(JobName.RefreshCampaignStats, {}, `refresh-now-${randomUUID()}`, {
      deduplication: { id: 'refresh-now', keepLastIfActive: true },
      removeOnComplete: true,
    });
    const [row] = await this.dataSource.query<{ refreshedAt: Date }[]>(
      `SELECT refreshed_at AS "refreshedAt" FROM campaign_stats_refreshes WHERE id = 1`,
    );
    return { refreshedAt: row ? new Date(row.refreshedAt).toISOString() : null };
  }

  async dashboard(query: DashboardQueryDto, actor: AuthUser): Promise<DashboardDto> {
    const year = query.year ?? currentYear();
    const unit = await campaignUnitFor(this.dataSource, query.unitId, actor);
    // The province's communes are read once: their ids scope the sums, their names rank them.
    const communes: CommuneUnit[] =
      unit.kind === 'commune'
        ? [{ id: unit.id, name: unit.name, population: unit.population }]
        : await this.dataSource.query<CommuneUnit[]>(
            `SELECT id, name, population FROM admin_units WHERE parent_id = $1 AND kind IN ('commune', 'ward')`,
            [unit.id],
          );
    const communeIds = communes.map((commune) => commune.id);
    // Started before the funnel sums, awaited with the result: it runs alongside them.
    const community = communityFigures(this.dataSource, communeIds, year);
    // Summed in PostgreSQL with grouping sets: one pass over the unit's funnel rows gives the totals,
    // the 60+ and disability figures, the target groups and the communes; the weeks come from their own view.
    const [sums, weeklyRows, targets, refreshed, [households]] = await Promise.all([
      this.dataSource.query<SumRow[]>(
        `SELECT stage, target_group AS "targetGroup", commune_id AS "communeId",
                GROUPING(target_group) = 0 AS "byGroup", GROUPING(commune_id) = 0 AS "byCommune",
                sum(learners)::int AS learners,
                (sum(learners) FILTER (WHERE elderly))::int AS elderly,
                (sum(learners) FILTER (WHERE disability))::int AS disability
           FROM campaign_funnel
          WHERE commune_id = ANY($1::uuid[])
          GROUP BY GROUPING SETS ((stage), (stage, target_group), (stage, commune_id))`,
        [communeIds],
      ),
      this.dataSource.query<{ stage: CampaignStage; week: string; learners: number }[]>(
        `SELECT stage, to_char(week, 'YYYY-MM-DD') AS week, sum(learners)::int AS learners
           FROM campaign_weekly
          WHERE commune_id = ANY($1::uuid[]) AND week >= make_date($2, 1, 1) - 6 AND week < make_date($2 + 1, 1, 1)
          GROUP BY stage, week`,
        [communeIds, year],
      ),
      this.dataSource.query<TargetRow[]>(
        `${SELECT_TARGET} WHERE t.year = $1 AND (t.unit_id = $2 OR ($3 AND u.parent_id = $2))`,
        [year, unit.id, unit.kind === 'province'],
      ),
      this.dataSource.query<{ refreshedAt: Date }[]>(
        `SELECT refreshed_at AS "refreshedAt" FROM campaign_stats_refreshes WHERE id = 1`,
      ),
      // "Digital family": households with a registered member, and with a certified one.
      this.dataSource.query<HouseholdsDto[]>(
        `SELECT COALESCE(sum(households), 0)::int AS registered, COALESCE(sum(certified), 0)::int AS certified
           FROM campaign_households WHERE commune_id = ANY($1::uuid[])`,
        [communeIds],
      ),
    ]);

    const total = emptyCounts();
    const groups = new Map<TargetGroup | null, StageCountsDto>();
    const elderly = emptyCounts();
    const disability = emptyCounts();
    const weeks = new Map<string, StageCountsDto>();
    const perCommune = new Map<string, StageCountsDto>();
    for (const row of sums) {
      if (row.byGroup) {
        const group = groups.get(row.targetGroup) ?? emptyCounts();
        group[row.stage] += row.learners;
        groups.set(row.targetGroup, group);
      } else if (row.byCommune) {
        if (!row.communeId) continue;
        const commune = perCommune.get(row.communeId) ?? emptyCounts();
        commune[row.stage] += row.learners;
        perCommune.set(row.communeId, commune);
      } else {
        total[row.stage] += row.learners;
        elderly[row.stage] += row.elderly ?? 0;
        disability[row.stage] += row.disability ?? 0;
      }
    }
    for (const row of weeklyRows) {
      const week = weeks.get(row.week) ?? emptyCounts();
      week[row.stage] += row.learners;
      weeks.set(row.week, week);
    }

    const ownTargets = targets.filter((target) => target.unitId === unit.id && target.targetGroup === null);
    const funnel: FunnelStageDto[] = CAMPAIGN_STAGES.map((stage) => {
      const target = ownTargets.find((candidate) => candidate.metric === stage);
      return {
        stage,
        learners: total[stage],
        target: target ? progress(target, total[stage], unit.population) : null,
      };
    });
    const weekly: WeeklyPointDto[] = [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, counts]) => ({ week, ...counts }));
    const byTargetGroup: GroupBreakdownDto[] = [...groups.entries()]
      .map(([targetGroup, counts]) => ({ targetGroup, ...counts }))
      .sort((a, b) => String(a.targetGroup).localeCompare(String(b.targetGroup)));
    const ranked = unit.kind === 'province' ? rankCommunes(communes, perCommune, targets) : [];
    return {
      unit,
      year,
      refreshedAt: refreshed[0] ? new Date(refreshed[0].refreshedAt).toISOString() : null,
      funnel,
      weekly,
      byTargetGroup,
      elderly,
      disability,
      communes: ranked,
      community: await community,
      households: households ?? { registered: 0, certified: 0 },
    };
  }

  async targets(year: number, unitId: string | undefined, actor: AuthUser): Promise<TargetDto[]> {
    const unit = await campaignUnitFor(this.dataSource, unitId, actor);
    const rows = await this.dataSource.query<TargetRow[]>(
      `${SELECT_TARGET} WHERE t.year = $1 AND (t.unit_id = $2 OR ($3 AND u.parent_id = $2))
        ORDER BY u.name, t.metric, t.target_group NULLS FIRST`,
      [year, unit.id, unit.kind === 'province'],
    );
    return rows.map(toTargetDto);
  }

  async putTarget(dto: PutTargetDto, actor: AuthUser, context: { requestId: string }): Promise<TargetDto> {
    await campaignUnitFor(this.dataSource, dto.unitId, actor);
    if (dto.kind === TargetKind.Percent && dto.value > 100) {
      throw new AppError(ErrorCode.ValidationFailed, 400, 'A percentage target is between 0 and 100', [
        { field: 'value', rules: ['max'], message: 'value must not be greater than 100 for a percentage' },
      ]);
    }
    if (dto.kind === TargetKind.Count && dto.populationBase != null) {
      throw new AppError(ErrorCode.ValidationFailed, 400, 'A count target has no population base', [
        {
          field: 'populationBase',
          rules: ['absent'],
          message: 'populationBase is only for percentage targets',
        },
      ]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO campaign_targets (year, unit_id, target_group, metric, kind, value, population_base, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (year, unit_id, target_group, metric) DO UPDATE
           SET kind = excluded.kind, value = excluded.value, population_base = excluded.population_base,
               updated_by = excluded.updated_by, updated_at = now()
         RETURNING id`,
        [
          dto.year,
          dto.unitId,
          dto.targetGroup,
          dto.metric,
          dto.kind,
          dto.value,
          dto.populationBase ?? null,
          actor.id,
        ],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'campaign.target_set',
          targetType: 'campaign_target',
          targetId: row.id,
          details: { ...dto },
          requestId: context.requestId,
        },
        manager,
      );
      return row.id;
    });
    const [row] = await this.dataSource.query<TargetRow[]>(`${SELECT_TARGET} WHERE t.id = $1`, [id]);
    return toTargetDto(row);
  }
}

/** Communes in the campaign's ranking (compareCommuneProgress). */
function rankCommunes(
  communes: CommuneUnit[],
  perCommune: Map<string, StageCountsDto>,
  targets: TargetRow[],
): CommuneRankDto[] {
  return communes
    .map((commune) => {
      const counts = perCommune.get(commune.id) ?? emptyCounts();
      const target = targets.find(
        (candidate) =>
          candidate.unitId === commune.id &&
          candidate.metric === 'confirmed' &&
          candidate.targetGroup === null,
      );
      const measured = target ? progress(target, counts.confirmed, commune.population) : null;
      return {
        communeId: commune.id,
        name: commune.name,
        registered: counts.registered,
        confirmed: counts.confirmed,
        confirmedTarget: measured?.targetCount ?? null,
        progressPercent: measured?.progressPercent ?? null,
      };
    })
    .sort(compareCommuneProgress);
}

function emptyCounts(): StageCountsDto {
  return { registered: 0, enrolled: 0, completed: 0, certified: 0, confirmed: 0 };
}

/** A target as a number of learners and the share of it reached. */
export function progress(
  target: TargetRow,
  reached: number,
  unitPopulation: number | null,
): TargetProgressDto {
  const value = Number(target.value);
  const base = target.kind === TargetKind.Percent ? (target.populationBase ?? unitPopulation) : null;
  const targetCount = targetLearnerCount(target.kind, value, target.populationBase, unitPopulation);
  return {
    kind: target.kind,
    value,
    populationBase: base,
    targetCount,
    progressPercent: targetProgressPercent(reached, targetCount),
  };
}

function toTargetDto(row: TargetRow): TargetDto {
  return {
    id: row.id,
    year: row.year,
    unitId: row.unitId,
    unitName: row.unitName,
    targetGroup: row.targetGroup,
    metric: row.metric,
    kind: row.kind,
    value: Number(row.value),
    populationBase: row.populationBase,
  };
}

function currentYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
  );
}
