import '../video.css';

import { type ChangeEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { currentUiLanguage } from '../../../i18n';
import {
  allowedHeights,
  audioOnlyPlaylistUrl,
  chosenHeights,
  DATA_SAVER_SETTINGS,
  DataSaver,
  hasAudioOnlyRung,
  isAudioOnly,
  isDataSaver,
  type QualityChoice,
  readDataSaver,
  type Rung,
  writeDataSaver,
} from '../data-saver';
import type { PlayedInterval } from '../played-intervals';
import { type Caption, PlayerSession, type WatchReport } from './player-session';
import { playerStrings } from './player-strings';

export interface VideoPlayerProps {
  /** The HLS master playlist (a signed URL; segment URLs resolve relative to it). */
  masterUrl: string;
  posterUrl: string | null;
  durationSeconds: number;
  /** WebVTT captions, all off at first; the CC button or the C key turns them on. */
  captions: Caption[];
  /** Seconds; playback starts there unless it is within 5 s of the end. */
  resumeAt: number;
  /** The renditions, e.g. 144p…720p and `{ name: 'audio', height: null }`. */
  rungs: Rung[];
  /**
   * What was watched: every 10 s while playing, on pause, seek and end, and with `final: true` when
   * the page is hidden or unloaded or the player closes (send those with `keepalive`).
   */
  onWatched: (report: { intervals: PlayedInterval[]; position: number; final: boolean }) => void;
}

/**
 * A lesson's video: video.js with VHS for HLS, a quality menu and the data saver under it. Load it
 * with React.lazy (LazyVideoPlayer) so video.js is downloaded on lesson pages only.
 */
export default function VideoPlayer({
  masterUrl,
  posterUrl,
  durationSeconds,
  captions,
  resumeAt,
  rungs,
  onWatched,
}: VideoPlayerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = currentUiLanguage(i18n.resolvedLanguage);
  const hostRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<PlayerSession | null>(null);
  const [dataSaver, setDataSaver] = useState<DataSaver>(() => readDataSaver());
  const [quality, setQuality] = useState<QualityChoice>('auto');
  const [renditionHeight, setRenditionHeight] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const audioOnly = isAudioOnly(dataSaver, rungs);
  const allowed = allowedHeights(dataSaver, rungs);
  const selectedQuality = quality !== 'auto' && allowed.includes(quality) ? quality : 'auto';

  const reportWatched = useEffectEvent((report: WatchReport) => onWatched(report));
  // What the player starts with; later changes reach it through the effects below.
  const startingPoint = useEffectEvent(() => ({
    posterUrl,
    durationSeconds,
    resumeAt,
    rungs,
    captions,
    audioOnly,
    heights: chosenHeights(dataSaver, quality, rungs),
    language,
    strings: playerStrings(t),
  }));

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    // Made here rather than rendered: video.js takes the element over, and removes it on dispose.
    const element = document.createElement('video-js');
    element.className = 'vjs-big-play-centered';
    host.appendChild(element);
    const session = new PlayerSession(element, {
      ...startingPoint(),
      masterUrl,
      audioOnlyUrl: audioOnlyPlaylistUrl(masterUrl),
      onWatched: (report) => reportWatched(report),
      onRendition: setRenditionHeight,
    });
    sessionRef.current = session;
    return () => {
      sessionRef.current = null;
      session.dispose();
    };
  }, [masterUrl]);

  useEffect(() => {
    sessionRef.current?.setPlayback(
      isAudioOnly(dataSaver, rungs),
      chosenHeights(dataSaver, quality, rungs),
      rungs,
    );
  }, [dataSaver, quality, rungs]);

  useEffect(() => {
    sessionRef.current?.setCaptions(captions);
  }, [captions]);

  useEffect(() => {
    sessionRef.current?.setLanguage(language, playerStrings(t));
  }, [language, t]);

  const rungName = (height: number) => rungs.find((rung) => rung.height === height)?.name ?? `${height}p`;

  function changeQuality(event: ChangeEvent<HTMLSelectElement>) {
    const value = event.target.value === 'auto' ? 'auto' : Number(event.target.value);
    setQuality(value);
    setAnnouncement(
      t('video.player.announce.quality', {
        quality: value === 'auto' ? t('video.player.qualityAuto') : rungName(value),
      }),
    );
  }

  function changeDataSaver(event: ChangeEvent<HTMLSelectElement>) {
    const value = event.target.value;
    if (!isDataSaver(value)) return;
    setDataSaver(value);
    writeDataSaver(value);
    // A quality picked by hand that the new setting forbids is dropped, not kept for later.
    if (quality !== 'auto' && !allowedHeights(value, rungs).includes(quality)) setQuality('auto');
    const nowAudioOnly = isAudioOnly(value, rungs);
    if (nowAudioOnly !== audioOnly) {
      setAnnouncement(t(nowAudioOnly ? 'video.player.announce.audioOnly' : 'video.player.announce.video'));
    }
  }

  const qualityId = `${id}-quality`;
  const dataSaverId = `${id}-data-saver`;
  const autoLabel =
    renditionHeight !== null && !audioOnly
      ? t('video.player.qualityAutoNow', { quality: rungName(renditionHeight) })
      : t('video.player.qualityAuto');

  return (
    <div className="video-player">
      <div className="video-player__stage" ref={hostRef} />
      {audioOnly ? <p className="video-player__note">{t('video.player.audioOnlyNote')}</p> : null}
      {dataSaver === DataSaver.AudioOnly && !hasAudioOnlyRung(rungs) ? (
        <p className="video-player__note">{t('video.player.audioOnlyUnavailable')}</p>
      ) : null}
      <div className="video-player__settings">
        <div className="field video-player__setting">
          <label className="field__label" htmlFor={qualityId}>
            {t('video.player.quality')}
          </label>
          <select
            id={qualityId}
            className="input select"
            value={audioOnly ? 'none' : String(selectedQuality)}
            disabled={audioOnly}
            onChange={changeQuality}
          >
            {audioOnly ? (
              <option value="none">{t('video.player.qualityAudioOnly')}</option>
            ) : (
              <>
                <option value="auto">{autoLabel}</option>
                {allowed.map((height) => (
                  <option key={height} value={height}>
                    {rungName(height)}
                  </option>
                ))}
              </>
            )}
          </select>
        </div>
        <div className="field video-player__setting">
          <label className="field__label" htmlFor={dataSaverId}>
            {t('video.player.dataSaver')}
          </label>
          <p className="field__hint" id={`${dataSaverId}-hint`}>
            {t('video.player.dataSaverHint')}
          </p>
          <select
            id={dataSaverId}
            className="input select"
            value={dataSaver}
            aria-describedby={`${dataSaverId}-hint`}
            onChange={changeDataSaver}
          >
            {DATA_SAVER_SETTINGS.map((setting) => (
              <option key={setting} value={setting}>
                {t(`video.player.dataSaverOptions.${setting}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details className="video-player__shortcuts">
        <summary>{t('video.player.shortcuts.title')}</summary>
        <ul>
          <li>{t('video.player.shortcuts.play')}</li>
          <li>{t('video.player.shortcuts.seek')}</li>
          <li>{t('video.player.shortcuts.fullscreen')}</li>
          <li>{t('video.player.shortcuts.captions')}</li>
        </ul>
      </details>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
