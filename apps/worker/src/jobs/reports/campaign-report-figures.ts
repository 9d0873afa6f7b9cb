import {
  CAMPAIGN_STAGES,
  CampaignStage,
  compareCommuneProgress,
  quarterBounds,
  TargetGroup,
  TargetKind,
  targetLearnerCount,
  targetProgressPercent,
} from '@hocvu/contracts';
import { EntityManager } from 'typeorm';

export type StageCounts = Record<CampaignStage, number>;

/** A stage's yearly target as a number of learners, and how much of it was reached by the period's end. */
export interface StageTarget {
  targetCount: number | null;
  progressPercent: number | null;
}

/** One line of a report: a unit (or one of its target groups) at the end of the period. */
export interface ReportLine {
  /** Learners at each stage by the end of the period. */
  toDate: StageCounts;
  /** Learners who reached each stage during the quarter. */
  inQuarter: StageCounts;
  /** The year's targets set for this line, by stage (absent: no target set). */
  targets: Partial<Record<CampaignStage, StageTarget>>;
}

export interface ReportGroupLine extends ReportLine {
  targetGroup: TargetGroup | null;
}

export interface ReportCommune extends ReportLine {
  id: string;
  name: string;
  population: number | null;
  /** 1 = furthest along its VNeID-confirmed target (the campaign's emulation ranking). */
  rank: number;
  groups: ReportGroupLine[];
}

/** Everything a quarterly report states; stored with the report, rendered into XLSX and PDF. */
export interface CampaignReportFigures {
  unit: {
    id: string;
    name: string;
    /** The name as a document states it: "Tỉnh Điện Biên", "Xã Mường Ảng", "Phường Him Lam". */
    title: string;
    kind: 'province' | 'commune';
    population: number | null;
  };
  year: number;
  quarter: number;
  /** ISO instants: the quarter's start, and the end the figures are counted to (the quarter's end, or the
   *  moment of generation for a quarter still running). */
  periodStart: string;
  periodEnd: string;
  /** True when the quarter had not ended when the report was made. */
  partial: boolean;
  generatedAt: string;
  /** When the aggregates the report reads were last refreshed. */
  statsRefreshedAt: string | null;
  total: ReportLine;
  groups: ReportGroupLine[];
  /** Learners aged 60 or more, and learners who declared a disability, at each stage by the period's end. */
  inclusion: { elderly: StageCounts; disability: StageCounts };
  communes: ReportCommune[];
}

interface CountRow {
  communeId: string;
  targetGroup: TargetGroup | null;
  allGroups: boolean;
  [column: string]: unknown;
}

/** A line's counts to date and within the quarter. */
interface Sums {
  toDate: StageCounts;
  inQuarter: StageCounts;
}

interface TargetRow {
  unitId: string;
  targetGroup: TargetGroup | null;
  metric: CampaignStage;
  kind: TargetKind;
  value: string;
  populationBase: number | null;
}

const emptyCounts = (): StageCounts => ({
  registered: 0,
  enrolled: 0,
  completed: 0,
  certified: 0,
  confirmed: 0,
});

/** count(*) FILTER columns: to date (`<stage>`), in the quarter (`q_<stage>`). */
const COUNT_COLUMNS = CAMPAIGN_STAGES.flatMap((stage) => [
  `count(*) FILTER (WHERE ${stage}_at < $3)::int AS "${stage}"`,
  `count(*) FILTER (WHERE ${stage}_at >= $2 AND ${stage}_at < $3)::int AS "q_${stage}"`,
]).join(',\n       ');

const INCLUSION_COLUMNS = CAMPAIGN_STAGES.flatMap((stage) => [
  `count(*) FILTER (WHERE elderly AND ${stage}_at < $2)::int AS "elderly_${stage}"`,
  `count(*) FILTER (WHERE disability AND ${stage}_at < $2)::int AS "disability_${stage}"`,
]).join(',\n       ');

/**
 * Reads a report's figures for a province (every commune) or a commune at the end of a quarter. One
 * grouped pass over `campaign_learner_stages` (a row per learner with the moment each stage was first
 * reached, refreshed by RefreshCampaignStats) gives every commune × target group line to date and within
 * the quarter; targets are the year's. Learners are counted where they are registered today.
 */
export async function readCampaignReportFigures(
  manager: EntityManager,
  request: { unitId: string; year: number; quarter: number },
  now: Date = new Date(),
): Promise<CampaignReportFigures> {
  const [unit] = await manager.query<{ id: string; name: string; kind: string; population: number | null }[]>(
    `SELECT id, name, kind, population FROM admin_units WHERE id = $1`,
    [request.unitId],
  );
  if (!unit) throw new Error(`Admin unit ${request.unitId} is gone`);
  const kind = unit.kind === 'province' ? 'province' : 'commune';
  const communes =
    kind === 'commune'
      ? [{ id: unit.id, name: unit.name, population: unit.population }]
      : await manager.query<{ id: string; name: string; population: number | null }[]>(
          `SELECT id, name, population FROM admin_units WHERE parent_id = $1 AND kind IN ('commune', 'ward')`,
          [unit.id],
        );
  const communeIds = communes.map((commune) => commune.id);
  const bounds = quarterBounds(request.year, request.quarter);
  const partial = now < bounds.end;
  const end = partial ? now : bounds.end;

  const counts = await manager.query<CountRow[]>(
    `SELECT commune_id AS "communeId", target_group AS "targetGroup", GROUPING(target_group) = 1 AS "allGroups",
       ${COUNT_COLUMNS}
       FROM campaign_learner_stages
      WHERE commune_id = ANY($1::uuid[])
      GROUP BY GROUPING SETS ((commune_id, target_group), (commune_id))`,
    [communeIds, bounds.start, end],
  );
  const [inclusionRow] = await manager.query<Record<string, number>[]>(
    `SELECT ${INCLUSION_COLUMNS} FROM campaign_learner_stages WHERE commune_id = ANY($1::uuid[])`,
    [communeIds, end],
  );
  const targets = await manager.query<TargetRow[]>(
    `SELECT unit_id AS "unitId", target_group AS "targetGroup", metric, kind, value, population_base AS "populationBase"
       FROM campaign_targets WHERE year = $1 AND unit_id = ANY($2::uuid[])`,
    [request.year, [unit.id, ...communeIds]],
  );
  const [refreshed] = await manager.query<{ refreshedAt: Date }[]>(
    `SELECT refreshed_at AS "refreshedAt" FROM campaign_stats_refreshes WHERE id = 1`,
  );

  const populationOf = new Map<string, number | null>([
    [unit.id, unit.population],
    ...communes.map((commune) => [commune.id, commune.population] as const),
  ]);
  const line = (
    unitId: string,
    targetGroup: TargetGroup | null,
    toDate: StageCounts,
    inQuarter: StageCounts,
  ) => {
    const lineTargets: Partial<Record<CampaignStage, StageTarget>> = {};
    for (const target of targets) {
      if (target.unitId !== unitId || target.targetGroup !== targetGroup) continue;
      const targetCount = targetLearnerCount(
        target.kind,
        Number(target.value),
        target.populationBase,
        populationOf.get(unitId) ?? null,
      );
      lineTargets[target.metric] = {
        targetCount,
        progressPercent: targetProgressPercent(toDate[target.metric], targetCount),
      };
    }
    return { toDate, inQuarter, targets: lineTargets };
  };

  const communeTotals = new Map<string, { toDate: StageCounts; inQuarter: StageCounts }>();
  const communeGroups = new Map<
    string,
    Map<TargetGroup | null, { toDate: StageCounts; inQuarter: StageCounts }>
  >();
  const total = { toDate: emptyCounts(), inQuarter: emptyCounts() };
  const groupTotals = new Map<TargetGroup | null, { toDate: StageCounts; inQuarter: StageCounts }>();
  for (const row of counts) {
    const toDate = emptyCounts();
    const inQuarter = emptyCounts();
    for (const stage of CAMPAIGN_STAGES) {
      toDate[stage] = Number(row[stage]);
      inQuarter[stage] = Number(row[`q_${stage}`]);
    }
    if (row.allGroups) {
      communeTotals.set(row.communeId, { toDate, inQuarter });
      add(total, { toDate, inQuarter });
    } else {
      const groups = communeGroups.get(row.communeId) ?? new Map<TargetGroup | null, Sums>();
      groups.set(row.targetGroup, { toDate, inQuarter });
      communeGroups.set(row.communeId, groups);
      const sum = groupTotals.get(row.targetGroup) ?? { toDate: emptyCounts(), inQuarter: emptyCounts() };
      add(sum, { toDate, inQuarter });
      groupTotals.set(row.targetGroup, sum);
    }
  }

  const reportCommunes = communes
    .map((commune) => {
      const sums = communeTotals.get(commune.id) ?? { toDate: emptyCounts(), inQuarter: emptyCounts() };
      return {
        id: commune.id,
        name: commune.name,
        population: commune.population,
        rank: 0,
        ...line(commune.id, null, sums.toDate, sums.inQuarter),
        groups: sortGroups(
          [...(communeGroups.get(commune.id) ?? new Map<TargetGroup | null, Sums>()).entries()].map(
            ([targetGroup, groupSums]) => ({
              targetGroup,
              ...line(commune.id, targetGroup, groupSums.toDate, groupSums.inQuarter),
            }),
          ),
        ),
      };
    })
    .sort((a, b) => compareCommuneProgress(rankingOf(a), rankingOf(b)))
    .map((commune, index) => ({ ...commune, rank: index + 1 }));

  const inclusion = { elderly: emptyCounts(), disability: emptyCounts() };
  for (const stage of CAMPAIGN_STAGES) {
    inclusion.elderly[stage] = Number(inclusionRow?.[`elderly_${stage}`] ?? 0);
    inclusion.disability[stage] = Number(inclusionRow?.[`disability_${stage}`] ?? 0);
  }

  return {
    unit: {
      id: unit.id,
      name: unit.name,
      title: unitTitle(unit.name, unit.kind),
      kind,
      population: unit.population,
    },
    year: request.year,
    quarter: request.quarter,
    periodStart: bounds.start.toISOString(),
    periodEnd: end.toISOString(),
    partial,
    generatedAt: now.toISOString(),
    statsRefreshedAt: refreshed ? new Date(refreshed.refreshedAt).toISOString() : null,
    total: line(unit.id, null, total.toDate, total.inQuarter),
    groups: sortGroups(
      [...groupTotals.entries()].map(([targetGroup, sums]) => ({
        targetGroup,
        ...line(unit.id, targetGroup, sums.toDate, sums.inQuarter),
      })),
    ),
    inclusion,
    communes: reportCommunes,
  };
}

function rankingOf(commune: { name: string; toDate: StageCounts; targets: ReportLine['targets'] }) {
  return {
    name: commune.name,
    confirmed: commune.toDate.confirmed,
    progressPercent: commune.targets.confirmed?.progressPercent ?? null,
  };
}

function add(
  into: { toDate: StageCounts; inQuarter: StageCounts },
  from: { toDate: StageCounts; inQuarter: StageCounts },
): void {
  for (const stage of CAMPAIGN_STAGES) {
    into.toDate[stage] += from.toDate[stage];
    into.inQuarter[stage] += from.inQuarter[stage];
  }
}

const GROUP_ORDER: (TargetGroup | null)[] = [
  'public_servant',
  'student',
  'enterprise_worker',
  'citizen',
  null,
];

/** The groups in the campaign plan's order, learners without a group last. */
function sortGroups<T extends { targetGroup: TargetGroup | null }>(groups: T[]): T[] {
  return groups.sort((a, b) => GROUP_ORDER.indexOf(a.targetGroup) - GROUP_ORDER.indexOf(b.targetGroup));
}

const KIND_WORDS: Readonly<Record<string, string>> = { province: 'Tỉnh', commune: 'Xã', ward: 'Phường' };

/** Unit names are kept bare ("Mường Ảng"); documents name the kind too, unless the name already does. */
export function unitTitle(name: string, kind: string): string {
  const word = KIND_WORDS[kind];
  if (!word || name.toLowerCase().startsWith(`${word.toLowerCase()} `)) return name;
  return `${word} ${name}`;
}
