import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';
import { setAmbassador } from '../../community/api/community-api';
import type { UserSummary } from '../api/admin-api';
import { adminKeys } from '../hooks/use-admin';

/** Marks a learner as digital ambassador, or unmarks them (their links to helped learners end). */
export function AmbassadorControl({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => setAmbassador(user.id, !user.ambassador),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
  return (
    <div className="actions">
      {toggle.isError ? <Alert tone="error">{errorMessage(t, toggle.error)}</Alert> : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {user.ambassador
          ? t('community.ambassador.unmark', { name: user.fullName })
          : t('community.ambassador.mark', { name: user.fullName })}
      </button>
    </div>
  );
}
