import { AdminUnitKind } from '@hocvu/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '../forms/SelectField';
import { type AdminUnit, useCommunes } from './use-communes';

interface CommuneSelectProps {
  id?: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  optional?: boolean;
  hint?: ReactNode;
  disabled?: boolean;
}

/** Picker of the commune or ward, grouped as the reform left them: wards (phường) and communes (xã). */
export function CommuneSelect({
  id = 'communeId',
  value,
  onValueChange,
  error,
  optional = true,
  hint,
  disabled = false,
}: CommuneSelectProps) {
  const { t } = useTranslation();
  const { data, isPending, isError, refetch } = useCommunes();
  const groups: { kind: AdminUnit['kind']; units: AdminUnit[] }[] = [
    AdminUnitKind.Ward,
    AdminUnitKind.Commune,
  ].map((kind) => ({ kind, units: (data ?? []).filter((unit) => unit.kind === kind) }));

  return (
    <div className="commune-select">
      <SelectField
        id={id}
        label={t('fields.commune')}
        value={value}
        onValueChange={onValueChange}
        error={error}
        optional={optional}
        hint={isError ? undefined : hint}
        disabled={disabled || (isPending && !data)}
        aria-busy={isPending ? true : undefined}
      >
        <option value="">{isPending ? t('common.loading') : t('fields.communeChoose')}</option>
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
      {isError ? (
        <p className="field__hint">
          {t('fields.communeLoadFailed')}{' '}
          <button type="button" className="button button--link" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
