import type { TFunction } from 'i18next';

/**
 * The video.js texts learners meet most, in our own words from the UI catalogue: video.js's
 * Vietnamese file says "Chú thích" for captions and "Tỉ lệ phát lại" for speed, and its error
 * messages talk about "media" and "server". Keys are video.js's English source strings.
 */
export function playerStrings(t: TFunction): Record<string, string> {
  return {
    'Video Player': t('video.controls.videoPlayer'),
    'Audio Player': t('video.controls.audioPlayer'),
    'Play Video': t('video.controls.playVideo'),
    Play: t('video.controls.play'),
    Pause: t('video.controls.pause'),
    Replay: t('video.controls.replay'),
    Mute: t('video.controls.mute'),
    Unmute: t('video.controls.unmute'),
    'Volume Level': t('video.controls.volume'),
    Fullscreen: t('video.controls.fullscreen'),
    'Exit Fullscreen': t('video.controls.exitFullscreen'),
    'Picture-in-Picture': t('video.controls.pictureInPicture'),
    'Exit Picture-in-Picture': t('video.controls.exitPictureInPicture'),
    'Playback Rate': t('video.controls.playbackRate'),
    Captions: t('video.controls.captions'),
    Subtitles: t('video.controls.captions'),
    'captions off': t('video.controls.captionsOff'),
    'subtitles off': t('video.controls.captionsOff'),
    'captions settings': t('video.controls.captionsSettings'),
    'subtitles settings': t('video.controls.captionsSettings'),
    'Current Time': t('video.controls.currentTime'),
    Duration: t('video.controls.duration'),
    'Remaining Time': t('video.controls.remainingTime'),
    'Progress Bar': t('video.controls.progressBar'),
    'Skip backward {1} seconds': t('video.controls.skipBackward'),
    'Skip forward {1} seconds': t('video.controls.skipForward'),
    'The media could not be loaded, either because the server or network failed or because the format is not supported.':
      t('video.controls.loadFailed'),
    'A network error caused the media download to fail part-way.': t('video.controls.networkFailed'),
    'No compatible source was found for this media.': t('video.controls.unsupported'),
    'The media playback was aborted due to a corruption problem or because the media used features your browser did not support.':
      t('video.controls.decodeFailed'),
  };
}
