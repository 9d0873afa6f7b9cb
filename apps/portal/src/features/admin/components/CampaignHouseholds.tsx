import { useTranslation } from 'react-i18next';

import type { CampaignDashboard } from '../api/campaign-api';
import { barFill, progressText } from '../campaign';

/**
 * "Gia đình số" on /admin/campaign: households with a certified member out of the households with a
 * registered one (the household ids learners gave with their consent), as a bar and in figures.
 */
export function CampaignHouseholds({ data }: { data: CampaignDashboard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { registered, certified } = data.households;
  const percent = registered > 0 ? (certified / registered) * 100 : null;
  const text = progressText(certified, registered, percent, language);
  return (
    <section className="campaign-part" aria-labelledby="campaign-households-title">
      <h2 id="campaign-households-title">{t('admin.campaign.households.title')}</h2>
      <p className="muted">{t('admin.campaign.households.hint')}</p>
      {registered === 0 ? (
        <p className="funnel__note">{t('admin.campaign.households.empty')}</p>
      ) : (
        <div className="target-bar">
          <p id="campaign-households-label">{t('admin.campaign.households.label')}</p>
          <div
            className="target-bar__track"
            role="progressbar"
            aria-labelledby="campaign-households-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(barFill(percent))}
            aria-valuetext={text}
          >
            <div className="target-bar__fill" style={{ width: `${barFill(percent)}%` }} />
          </div>
          <p className="target-bar__text" aria-hidden="true">
            {text}
          </p>
        </div>
      )}
    </section>
  );
}
