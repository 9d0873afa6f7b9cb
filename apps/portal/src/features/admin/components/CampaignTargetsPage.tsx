import {
  CAMPAIGN_STAGES,
  type CampaignStage,
  Permission,
  Role,
  TARGET_GROUPS,
  type TargetGroup,
  type TargetKind,
} from '@hocvu/contracts';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { useCommunes } from '../../../shared/admin-units/use-communes';
import { isApiError } from '../../../shared/api/api-error';
import { formatNumber } from '../../../shared/format';
import {
  ErrorSummary,
  FormError,
  RadioGroupField,
  SelectField,
  type SummaryItem,
  TextField,
} from '../../../shared/forms';
import { LoadFailedAlert } from '../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { CampaignTarget } from '../api/campaign-api';
import { decimalPlaces, formatPercent, parseNumberInput, yearInVietnam } from '../campaign';
import { useCampaignTargets, useProvinces, usePutTarget } from '../hooks/use-campaign';
import { AdminNav } from './AdminNav';
import { readScope, toSearch } from './campaign-scope';
import { CampaignFilters } from './CampaignFilters';
import { FlashMessage } from './FlashMessage';

/** The API's bounds of a target (PutTargetDto). */
const MAX_COUNT = 100_000_000;
const MAX_DECIMALS = 2;

type Field = 'metric' | 'targetGroup' | 'value' | 'populationBase';
const FIELD_ORDER: readonly Field[] = ['metric', 'targetGroup', 'value', 'populationBase'];
const FIELD_IDS: Record<Field, string> = {
  metric: 'target-metric',
  targetGroup: 'target-group',
  value: 'target-value',
  populationBase: 'target-base',
};

interface Values {
  metric: CampaignStage;
  /** Empty: every learner. */
  targetGroup: TargetGroup | '';
  kind: TargetKind;
  value: string;
  populationBase: string;
}

const EMPTY: Values = { metric: 'confirmed', targetGroup: '', kind: 'count', value: '', populationBase: '' };

function isStage(value: string): value is CampaignStage {
  return (CAMPAIGN_STAGES as readonly string[]).includes(value);
}

function isGroup(value: string): value is TargetGroup {
  return (TARGET_GROUPS as readonly string[]).includes(value);
}

/** /admin/campaign/targets — "Chỉ tiêu": a unit's yearly targets; province admins set them. */
export function CampaignTargetsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { user, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [currentYear] = useState(yearInVietnam);
  const scope = readScope(params, currentYear);
  const pickUnit = user?.role !== Role.CommuneAdmin;
  const manage = can(Permission.CampaignTargetsManage) && pickUnit;
  const provinces = useProvinces(pickUnit);
  const communes = useCommunes();
  const { data, error, isPending, isFetching, refetch } = useCampaignTargets({
    year: scope.year,
    ...(pickUnit && scope.unitId ? { unitId: scope.unitId } : {}),
  });
  const [flash, setFlash] = useState<{ id: string; message: string } | null>(null);
  const [editing, setEditing] = useState<{ key: number; values: Values } | null>(null);
  const formRef = useRef<HTMLElement>(null);

  // The unit the targets are about: the one chosen, the province by default, or one's own commune.
  const province = provinces.data?.[0];
  const unitId = pickUnit ? scope.unitId || province?.id || '' : (user?.communeId ?? '');
  const unitName = pickUnit
    ? scope.unitId
      ? (communes.data?.find((unit) => unit.id === scope.unitId)?.name ?? '')
      : (province?.name ?? '')
    : (user?.commune?.name ?? '');
  const unitPopulation = pickUnit
    ? scope.unitId
      ? (communes.data?.find((unit) => unit.id === scope.unitId)?.population ?? null)
      : (province?.population ?? null)
    : null;

  const byUnit = useMemo(() => {
    const groups = new Map<string, { name: string; items: CampaignTarget[] }>();
    for (const target of data?.items ?? []) {
      const group = groups.get(target.unitId) ?? { name: target.unitName, items: [] };
      group.items.push(target);
      groups.set(target.unitId, group);
    }
    // The unit itself first, then its communes (the API sorts them by name).
    return [...groups.entries()].sort(([a], [b]) => Number(b === unitId) - Number(a === unitId));
  }, [data, unitId]);

  const edit = (target: CampaignTarget) => {
    setEditing((current) => ({
      // A new key each time: the form starts over with this target's values even if it is the same one.
      key: (current?.key ?? 0) + 1,
      values: {
        metric: target.metric,
        targetGroup: target.targetGroup ?? '',
        kind: target.kind,
        value: formatNumber(target.value, language),
        populationBase: target.populationBase === null ? '' : formatNumber(target.populationBase, language),
      },
    }));
    formRef.current?.scrollIntoView({ block: 'start' });
  };

  return (
    <Page title={t('admin.sections.campaignTargets.title')} lead={t('admin.targets.lead')}>
      <AdminNav />
      <CampaignFilters
        key={params.toString()}
        scope={scope}
        currentYear={currentYear}
        pickUnit={pickUnit}
        label={t('admin.campaign.filtersLabel')}
        onApply={(next) => {
          setFlash(null);
          setEditing(null);
          setParams(toSearch(next, currentYear));
        }}
      />
      <p>
        <Link to={{ pathname: paths.adminCampaign, search: toSearch(scope, currentYear) }}>
          {t('admin.targets.toDashboard')}
        </Link>
      </p>
      {!manage ? <p className="muted">{t('admin.targets.readOnly')}</p> : null}
      {flash ? <FlashMessage id={flash.id}>{flash.message}</FlashMessage> : null}

      <section aria-labelledby="targets-list-title" aria-busy={isFetching}>
        <h2 id="targets-list-title" className="results-title">
          {unitName
            ? t('admin.targets.listTitle', { unit: unitName, year: scope.year })
            : t('admin.targets.listTitleNoUnit', { year: scope.year })}
        </h2>
        {error ? <LoadFailedAlert error={error} onRetry={() => void refetch()} /> : null}
        {isPending ? <Loading /> : null}
        {data && !error ? (
          data.items.length === 0 ? (
            <p>{t('admin.targets.empty', { year: scope.year })}</p>
          ) : (
            byUnit.map(([id, group]) => (
              <div key={id} className="targets-unit">
                {byUnit.length > 1 ? <h3>{group.name}</h3> : null}
                <ul className="cards">
                  {group.items.map((target) => (
                    <TargetCard
                      key={target.id}
                      target={target}
                      headingLevel={byUnit.length > 1 ? 4 : 3}
                      onEdit={manage && target.unitId === unitId ? () => edit(target) : undefined}
                    />
                  ))}
                </ul>
              </div>
            ))
          )
        ) : null}
      </section>

      {manage && unitId ? (
        <section ref={formRef} aria-labelledby="target-form-title" className="campaign-part">
          <h2 id="target-form-title">
            {t('admin.targets.formTitle', { unit: unitName || '…', year: scope.year })}
          </h2>
          <TargetForm
            key={`${unitId}-${scope.year}-${editing?.key ?? 'new'}`}
            year={scope.year}
            unitId={unitId}
            unitPopulation={unitPopulation}
            initial={editing?.values ?? EMPTY}
            onSaved={(saved) =>
              setFlash({
                id: `${saved.id}-${Date.now()}`,
                message: t('admin.targets.saved', {
                  unit: saved.unitName,
                  year: saved.year,
                  stage: t(`admin.campaign.stages.${saved.metric}`),
                  group: t(`admin.targets.groups.${saved.targetGroup ?? 'all'}`),
                }),
              })
            }
          />
        </section>
      ) : null}
    </Page>
  );
}

function TargetCard({
  target,
  headingLevel,
  onEdit,
}: {
  target: CampaignTarget;
  /** 4 under a unit's own heading (a province's list holds its communes' targets too). */
  headingLevel: 3 | 4;
  onEdit?: (() => void) | undefined;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const title = `${t(`admin.campaign.stages.${target.metric}`)} — ${t(`admin.targets.groups.${target.targetGroup ?? 'all'}`)}`;
  return (
    <li className="card">
      <Heading className="card__title">{title}</Heading>
      <p className="target-value">
        {target.kind === 'count'
          ? t('admin.targets.countValue', { value: formatNumber(target.value, language) })
          : target.populationBase === null
            ? t('admin.targets.percentOfUnit', { percent: formatPercent(target.value, language) })
            : t('admin.targets.percentOfBase', {
                percent: formatPercent(target.value, language),
                base: formatNumber(target.populationBase, language),
              })}
      </p>
      {onEdit ? (
        <div className="actions">
          <button type="button" className="button button--secondary button--small" onClick={onEdit}>
            {t('common.edit')}
            <span className="visually-hidden"> {title}</span>
          </button>
        </div>
      ) : null}
    </li>
  );
}

function TargetForm({
  year,
  unitId,
  unitPopulation,
  initial,
  onSaved,
}: {
  year: number;
  unitId: string;
  unitPopulation: number | null;
  initial: Values;
  onSaved: (target: CampaignTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const save = usePutTarget();
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);

  const change = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      const next = { ...current };
      delete next[field as Field];
      // Switching between a count and a percentage changes what the value may be.
      if (field === 'kind') {
        delete next.value;
        delete next.populationBase;
      }
      return next;
    });
  };

  const show = (next: Partial<Record<Field, string>>) => {
    setErrors(next);
    setAttempt((count) => count + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const value = parseNumberInput(values.value, language);
    if (values.value.trim() === '') found.value = t('admin.targets.valueRequired');
    else if (value === null) found.value = t('admin.targets.valueNotNumber');
    else if (values.kind === 'count' && !Number.isInteger(value)) found.value = t('admin.targets.countWhole');
    else if (values.kind === 'count' && value > MAX_COUNT)
      found.value = t('admin.targets.countMax', { max: formatNumber(MAX_COUNT, language) });
    else if (values.kind === 'percent' && value > 100) found.value = t('admin.targets.percentRange');
    else if (decimalPlaces(value) > MAX_DECIMALS)
      found.value = t('admin.targets.decimals', { max: MAX_DECIMALS });
    let populationBase: number | null = null;
    if (values.kind === 'percent' && values.populationBase.trim() !== '') {
      populationBase = parseNumberInput(values.populationBase, language);
      if (populationBase === null || !Number.isInteger(populationBase))
        found.populationBase = t('admin.targets.baseInvalid');
    }
    if (Object.keys(found).length > 0 || value === null) {
      show(found);
      return;
    }
    show({});
    save.mutate(
      {
        year,
        unitId,
        targetGroup: values.targetGroup === '' ? null : values.targetGroup,
        metric: values.metric,
        kind: values.kind,
        value,
        ...(values.kind === 'percent' ? { populationBase } : {}),
      },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (!isApiError(error) || error.fieldErrors.length === 0) return;
          const fromApi: Partial<Record<Field, string>> = {};
          for (const { field } of error.fieldErrors) {
            const name = FIELD_ORDER.find((candidate) => field.split('.')[0] === candidate);
            if (name === 'value')
              fromApi.value =
                values.kind === 'percent' ? t('admin.targets.percentRange') : t('admin.targets.serverValue');
            else if (name === 'populationBase') fromApi.populationBase = t('admin.targets.baseInvalid');
            else if (name) fromApi[name] = t('validation.choice');
          }
          show(fromApi);
        },
      },
    );
  };

  const summary: SummaryItem[] = FIELD_ORDER.filter((field) => errors[field]).map((field) => ({
    targetId: FIELD_IDS[field],
    message: errors[field] ?? '',
  }));

  return (
    <>
      <ErrorSummary items={summary} attempt={attempt} />
      <FormError error={save.error} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id={FIELD_IDS.metric}
          label={t('admin.targets.metric')}
          hint={t('admin.targets.metricHint')}
          value={values.metric}
          onValueChange={(value) => {
            if (isStage(value)) change('metric', value);
          }}
          error={errors.metric}
        >
          {CAMPAIGN_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`admin.campaign.stages.${stage}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={FIELD_IDS.targetGroup}
          label={t('admin.targets.group')}
          value={values.targetGroup}
          onValueChange={(value) => change('targetGroup', isGroup(value) ? value : '')}
          error={errors.targetGroup}
        >
          <option value="">{t('admin.targets.groups.all')}</option>
          {TARGET_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`admin.targets.groups.${group}`)}
            </option>
          ))}
        </SelectField>
        <RadioGroupField<TargetKind>
          id="target-kind"
          legend={t('admin.targets.kind')}
          options={[
            { value: 'count', label: t('admin.targets.kinds.count') },
            { value: 'percent', label: t('admin.targets.kinds.percent') },
          ]}
          value={values.kind}
          onValueChange={(value) => change('kind', value)}
        />
        <TextField
          id={FIELD_IDS.value}
          label={values.kind === 'count' ? t('admin.targets.valueCount') : t('admin.targets.valuePercent')}
          hint={
            values.kind === 'count' ? t('admin.targets.valueCountHint') : t('admin.targets.valuePercentHint')
          }
          value={values.value}
          onValueChange={(value) => change('value', value)}
          error={errors.value}
          inputMode="decimal"
          autoComplete="off"
          className="input--short"
        />
        {values.kind === 'percent' ? (
          <TextField
            id={FIELD_IDS.populationBase}
            label={t('admin.targets.base')}
            hint={
              unitPopulation === null
                ? t('admin.targets.baseHintUnknown')
                : t('admin.targets.baseHint', { population: formatNumber(unitPopulation, language) })
            }
            value={values.populationBase}
            onValueChange={(value) => change('populationBase', value)}
            error={errors.populationBase}
            optional
            inputMode="numeric"
            autoComplete="off"
            className="input--short"
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('admin.targets.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
