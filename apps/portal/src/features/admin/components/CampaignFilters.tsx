import { AdminUnitKind } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type AdminUnit, useCommunes } from '../../../shared/admin-units/use-communes';
import { SelectField } from '../../../shared/forms';
import { campaignYears } from '../campaign';
import { useProvinces } from '../hooks/use-campaign';

export interface CampaignScope {
  year: number;
  /** Empty: the API's default (the province for province admins, their own commune for commune admins). */
  unitId: string;
}

/** Which year, and — for province admins — the province or which commune: the two pages share it. */
export function CampaignFilters({
  scope,
  currentYear,
  pickUnit,
  label,
  onApply,
}: {
  scope: CampaignScope;
  currentYear: number;
  /** Province admins choose the unit; commune admins always see their own commune. */
  pickUnit: boolean;
  label: string;
  onApply: (scope: CampaignScope) => void;
}) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(scope.year));
  const [unitId, setUnitId] = useState(scope.unitId);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ year: Number(year), unitId });
  };

  return (
    <form className="filters" aria-label={label} onSubmit={onSubmit}>
      <SelectField id="campaign-year" label={t('admin.campaign.year')} value={year} onValueChange={setYear}>
        {campaignYears(currentYear).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
      {pickUnit ? <UnitSelect value={unitId} onValueChange={setUnitId} /> : null}
      <div className="actions">
        <button type="submit" className="button">
          {t('admin.campaign.show')}
        </button>
      </div>
    </form>
  );
}

/** The whole province first, then its wards and communes (the same groups as everywhere else); the reports page shares it. */
export function UnitSelect({
  value,
  onValueChange,
}: {
  value: string;
  onValueChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const communes = useCommunes();
  const province = provinces.data?.[0];
  const groups: { kind: AdminUnit['kind']; units: AdminUnit[] }[] = [
    AdminUnitKind.Ward,
    AdminUnitKind.Commune,
  ].map((kind) => ({ kind, units: (communes.data ?? []).filter((unit) => unit.kind === kind) }));
  const failed = provinces.isError || communes.isError;

  return (
    <div className="commune-select">
      <SelectField
        id="campaign-unit"
        label={t('admin.campaign.unit')}
        value={value === province?.id ? '' : value}
        // "The whole province" is the empty value: a choice, not a missing one (required would refuse it).
        required={false}
        onValueChange={onValueChange}
        aria-busy={communes.isPending ? true : undefined}
      >
        <option value="">
          {province
            ? t('admin.campaign.wholeProvince', { name: province.name })
            : t('admin.campaign.province')}
        </option>
        {groups
          .filter((group) => group.units.length > 0)
          .map((group) => (
            <optgroup key={group.kind} label={t(`adminUnitKind.${group.kind}`)}>
              {group.units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </optgroup>
          ))}
      </SelectField>
      {failed ? (
        <p className="field__hint">
          {t('fields.communeLoadFailed')}{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              void provinces.refetch();
              void communes.refetch();
            }}
          >
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
