import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Alert } from '../../../shared/ui/Alert';
import { decodeQrToken } from '../qr-decode';

/** Frames are read at most this often and this wide: enough for a code held up close, light on old phones. */
const SCAN_INTERVAL_MS = 200;
const FRAME_WIDTH = 480;
/** The same person's code seen again within this time is the same scan, not a new one. */
const REPEAT_PAUSE_MS = 4000;

/**
 * The camera scanner of the attendance page (loaded only when opened: it brings jsQR). Reads codes
 * continuously so a commune officer can scan a queue of phones one after another; `onToken` is
 * called once per code, and the page shows who was recorded.
 */
export default function QrScanner({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<'denied' | 'unavailable' | null>(null);
  const onTokenRef = useRef(onToken);
  useEffect(() => {
    onTokenRef.current = onToken;
  }, [onToken]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const recent = new Map<string, number>();
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const scan = () => {
      const video = videoRef.current;
      if (stopped || !video || !context) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        const scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const token = decodeQrToken(frame.data, frame.width, frame.height);
        const now = Date.now();
        if (token && (recent.get(token) ?? 0) < now - REPEAT_PAUSE_MS) {
          recent.set(token, now);
          onTokenRef.current(token);
        }
      }
      timer = window.setTimeout(scan, SCAN_INTERVAL_MS);
    };

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem('unavailable');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
      } catch (error) {
        setProblem(
          error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable',
        );
        return;
      }
      if (stopped) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play().catch(() => undefined);
      }
      scan();
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="qr-scanner">
      {problem ? (
        <Alert tone="warning">{t(`community.scanner.${problem}`)}</Alert>
      ) : (
        <>
          <video
            ref={videoRef}
            className="qr-scanner__video"
            muted
            playsInline
            aria-label={t('community.scanner.video')}
          />
          <p className="muted">{t('community.scanner.hint')}</p>
        </>
      )}
    </div>
  );
}
