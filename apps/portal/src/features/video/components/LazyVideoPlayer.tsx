import '../video.css';

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

import { Loading } from '../../../shared/ui/Loading';
import type { VideoPlayerProps } from './VideoPlayer';

// video.js with VHS is some 200 kB over the wire: downloaded the first time a video lesson opens.
const VideoPlayer = lazy(() => import('./VideoPlayer'));

/** The video player, fetched on first use; the poster holds its place meanwhile. */
export function LazyVideoPlayer(props: VideoPlayerProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <div className="video-placeholder">
          {props.posterUrl ? (
            <img className="video-placeholder__poster" src={props.posterUrl} alt="" />
          ) : null}
          <Loading label={t('video.player.loading')} />
        </div>
      }
    >
      <VideoPlayer {...props} />
    </Suspense>
  );
}
