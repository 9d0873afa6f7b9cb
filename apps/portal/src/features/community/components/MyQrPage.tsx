import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { useMyQr, useRenewMyQr } from '../hooks/use-community';

/**
 * "My QR code": shown at a community class so the teacher records the learner by scanning it. Big,
 * black on white, with the name in large type and the code to read out when a camera fails. The QR
 * holds only a random code (docs/privacy.md): no name, phone or citizen id.
 */
export function MyQrPage() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useMyQr();
  const renew = useRenewMyQr();
  const [image, setImage] = useState<string | null>(null);
  const [confirmRenew, setConfirmRenew] = useState(false);

  useEffect(() => {
    if (!data) return;
    let current = true;
    // SVG scales sharply to any screen; margin 4 is the quiet zone scanners need.
    void QRCode.toString(data.payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then((svg) => {
      if (current) setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [data]);

  return (
    <Page title={t('community.myQr.title')} lead={t('community.myQr.lead')}>
      {error ? (
        <Alert tone="error">
          {errorMessage(t, error)}{' '}
          <button type="button" className="button button--link" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <figure className="my-qr">
          {image ? (
            <img
              className="my-qr__image"
              src={image}
              alt={t('community.myQr.imageAlt', { name: data.fullName })}
            />
          ) : (
            <Loading />
          )}
          <figcaption>
            <span className="my-qr__name">{data.fullName}</span>
            <span className="my-qr__code">
              {t('community.myQr.code')} <strong data-testid="my-qr-code">{data.code}</strong>
            </span>
          </figcaption>
        </figure>
      ) : null}
      <p className="muted">{t('community.myQr.privacy')}</p>
      {renew.isSuccess ? <Alert tone="success">{t('community.myQr.renewed')}</Alert> : null}
      {renew.isError ? <Alert tone="error">{errorMessage(t, renew.error)}</Alert> : null}
      {confirmRenew ? (
        <div className="actions">
          <p>{t('community.myQr.renewConfirm')}</p>
          <button
            type="button"
            className="button"
            disabled={renew.isPending}
            onClick={() => renew.mutate(undefined, { onSettled: () => setConfirmRenew(false) })}
          >
            {t('community.myQr.renewYes')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirmRenew(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setConfirmRenew(true)}>
            {t('community.myQr.renew')}
          </button>
        </div>
      )}
    </Page>
  );
}
