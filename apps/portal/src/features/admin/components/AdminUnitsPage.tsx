import { AdminUnitKind } from '@hocvu/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useCommunes } from '../../../shared/admin-units/use-communes';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatNumber } from '../../../shared/format';
import { SelectField, TextField } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { AdminNav } from './AdminNav';

type KindFilter = '' | typeof AdminUnitKind.Commune | typeof AdminUnitKind.Ward;

/** Vietnamese-aware, accent-insensitive matching: "muong" finds "Mường Thanh". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function AdminUnitsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { data, error, isPending } = useCommunes();
  const [kind, setKind] = useState<KindFilter>('');
  const [filter, setFilter] = useState('');
  const needle = fold(filter.trim());
  const units = (data ?? []).filter(
    (unit) =>
      (kind === '' || unit.kind === kind) &&
      (needle === '' || fold(`${unit.name} ${unit.code}`).includes(needle)),
  );

  return (
    <Page title={t('admin.sections.adminUnits.title')} lead={t('admin.units.lead')}>
      <AdminNav />
      <div className="filters">
        <TextField
          id="unit-filter"
          label={t('admin.units.filter')}
          value={filter}
          onValueChange={setFilter}
          type="search"
          required={false}
        />
        <SelectField
          id="unit-kind"
          label={t('admin.units.kind')}
          value={kind}
          onValueChange={(value) =>
            setKind(value === AdminUnitKind.Commune || value === AdminUnitKind.Ward ? value : '')
          }
          required={false}
        >
          <option value="">{t('admin.units.allKinds')}</option>
          <option value={AdminUnitKind.Commune}>{t('adminUnitKind.commune')}</option>
          <option value={AdminUnitKind.Ward}>{t('adminUnitKind.ward')}</option>
        </SelectField>
      </div>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="units-results">
          <h2 id="units-results" className="results-title" aria-live="polite">
            {t('admin.units.count', { total: units.length })}
          </h2>
          <ScrollTable labelledBy="units-results">
            <thead>
              <tr>
                <th scope="col">{t('admin.units.name')}</th>
                <th scope="col">{t('admin.units.kind')}</th>
                <th scope="col">{t('admin.units.code')}</th>
                <th scope="col" className="num">
                  {t('admin.units.population')}
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row">{unit.name}</th>
                  <td>{t(`adminUnitKind.${unit.kind}`)}</td>
                  <td>{unit.code}</td>
                  <td className="num">{formatNumber(unit.population, language)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      ) : null}
    </Page>
  );
}
