import { COURSE_LEVELS, TARGET_GROUPS } from '@hocvu/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { useContentLanguages } from '../../../shared/courses/use-content-languages';
import { SelectField, TextField } from '../../../shared/forms';
import { oneOf } from '../../../shared/url-query';
import { type CatalogueFilters, hasFilters } from '../catalogue-query';

/** Typing searches by itself after this pause; on 3G, one request per word rather than per letter. */
const SEARCH_DELAY_MS = 500;

interface CatalogueFiltersFormProps {
  filters: CatalogueFilters;
  /** Changes the URL: `replace` for the text being typed, so the back button skips half-typed words. */
  onFilter: (update: (current: CatalogueFilters) => CatalogueFilters, options: { replace: boolean }) => void;
}

export function CatalogueFiltersForm({ filters, onFilter }: CatalogueFiltersFormProps) {
  const { t } = useTranslation();
  const { data: languages = [] } = useContentLanguages();
  const [text, setText] = useState(filters.q);
  const [shownQ, setShownQ] = useState(filters.q);

  // The URL changed by other means (back button, "Xoá bộ lọc"): the box shows its text.
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    if (filters.q.trim() !== text.trim()) setText(filters.q);
  }

  useEffect(() => {
    if (text.trim() === filters.q.trim()) return undefined;
    const timer = window.setTimeout(
      () => onFilter((current) => ({ ...current, q: text, page: 1 }), { replace: true }),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [text, filters.q, onFilter]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onFilter((current) => ({ ...current, q: text, page: 1 }), { replace: false });
  };

  const choose = (patch: Partial<CatalogueFilters>) =>
    onFilter((current) => ({ ...current, q: text, ...patch, page: 1 }), { replace: false });

  return (
    <form
      className="filters catalogue-filters"
      role="search"
      aria-label={t('catalogue.formLabel')}
      onSubmit={onSubmit}
    >
      <div className="search-row">
        <TextField
          id="catalogue-search"
          label={t('catalogue.search')}
          hint={t('catalogue.searchHint')}
          value={text}
          onValueChange={setText}
          type="search"
          required={false}
          enterKeyHint="search"
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t('catalogue.searchSubmit')}
        </button>
      </div>
      <SelectField
        id="catalogue-target-group"
        label={t('catalogue.targetGroup')}
        value={filters.targetGroup}
        onValueChange={(value) => choose({ targetGroup: oneOf(TARGET_GROUPS, value) })}
        required={false}
      >
        <option value="">{t('catalogue.allTargetGroups')}</option>
        {TARGET_GROUPS.map((group) => (
          <option key={group} value={group}>
            {t(`targetGroup.${group}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="catalogue-language"
        label={t('catalogue.language')}
        value={filters.language}
        onValueChange={(language) => choose({ language })}
        required={false}
      >
        <option value="">{t('catalogue.allLanguages')}</option>
        {languages
          .filter((language) => language.enabled || language.code === filters.language)
          .map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
      </SelectField>
      <SelectField
        id="catalogue-level"
        label={t('catalogue.level')}
        value={filters.level}
        onValueChange={(value) => choose({ level: oneOf(COURSE_LEVELS, value) })}
        required={false}
      >
        <option value="">{t('catalogue.allLevels')}</option>
        {COURSE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`courseLevel.${level}`)}
          </option>
        ))}
      </SelectField>
      {hasFilters(filters) ? (
        <p className="filters__clear">
          <Link to={paths.catalogue}>{t('catalogue.clear')}</Link>
        </p>
      ) : null}
    </form>
  );
}
