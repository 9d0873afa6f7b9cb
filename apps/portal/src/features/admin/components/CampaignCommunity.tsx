import { useTranslation } from 'react-i18next';

import { formatNumber } from '../../../shared/format';
import type { CampaignDashboard } from '../api/campaign-api';

/**
 * Digital ambassadors and community sessions on the campaign dashboard: figures in words, and one bar
 * for the plan's "each ambassador guides at least five learners".
 */
export function CampaignCommunity({ community }: { community: CampaignDashboard['community'] | undefined }) {
  const { t, i18n } = useTranslation();
  // Older cached responses (and stubs) may lack the block: show nothing rather than zeros.
  if (!community) return null;
  const language = i18n.resolvedLanguage ?? 'vi';
  const n = (value: number) => formatNumber(value, language);
  const share =
    community.ambassadors === 0
      ? 0
      : Math.round((community.ambassadorsWithMinimum / community.ambassadors) * 100);
  return (
    <section className="campaign-part" aria-labelledby="campaign-community-title">
      <h2 id="campaign-community-title">{t('admin.campaign.community.title')}</h2>
      <ul className="breakdown">
        <li className="breakdown__item">
          <h3 className="breakdown__title">{t('admin.campaign.community.ambassadorsTitle')}</h3>
          <p>
            {t('admin.campaign.community.ambassadors', {
              ambassadors: n(community.ambassadors),
              learners: n(community.learnersWithAmbassador),
            })}
          </p>
          <p>
            {t('admin.campaign.community.withMinimum', {
              count: community.ambassadorsWithMinimum,
              value: n(community.ambassadorsWithMinimum),
              minimum: community.minimumLearners,
            })}
          </p>
          <div className="target-bar">
            <div
              className="target-bar__track"
              role="progressbar"
              aria-label={t('admin.campaign.community.withMinimumBar', {
                minimum: community.minimumLearners,
              })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={share}
              aria-valuetext={`${n(community.ambassadorsWithMinimum)} / ${n(community.ambassadors)}`}
            >
              <div className="target-bar__fill" style={{ width: `${share}%` }} />
            </div>
          </div>
        </li>
        <li className="breakdown__item">
          <h3 className="breakdown__title">{t('admin.campaign.community.sessionsTitle')}</h3>
          <p>
            {t('admin.campaign.community.sessions', {
              sessions: n(community.sessionsHeld),
              attendances: n(community.attendances),
            })}
          </p>
          <p>
            {community.averageAttendance === null
              ? t('admin.campaign.community.noSessions')
              : t('admin.campaign.community.average', {
                  value: formatNumber(community.averageAttendance, language),
                })}
          </p>
        </li>
      </ul>
    </section>
  );
}
