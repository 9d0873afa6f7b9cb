import 'video.js/dist/video-js.css';

import videojs from 'video.js';
import videojsVietnamese from 'video.js/dist/lang/vi.json';
import type Player from 'video.js/dist/types/player';

import {
  type LevelInfo,
  levelsToEnable,
  type Rung,
  rungHeightOf,
  switchTarget,
  videoHeights,
} from '../data-saver';
import { type PlayedInterval, PlayedIntervalTracker, resumePosition } from '../played-intervals';

/**
 * One video.js player and everything it does outside React: the HLS source (master or sound only),
 * which renditions it may pick, captions, keyboard, and the reports of what was watched. Only
 * VideoPlayer imports this module, so video.js and its styles stay in the lesson's lazy chunk.
 */

export interface Caption {
  language: string;
  label: string;
  url: string;
}

export interface WatchReport {
  intervals: PlayedInterval[];
  position: number;
  /** The page may be going away (hidden, unloading) or the player is closing: send with `keepalive`. */
  final: boolean;
}

export interface PlayerSessionOptions {
  masterUrl: string;
  audioOnlyUrl: string;
  posterUrl: string | null;
  durationSeconds: number;
  resumeAt: number;
  rungs: readonly Rung[];
  captions: readonly Caption[];
  audioOnly: boolean;
  heights: readonly number[];
  language: string;
  /** video.js's English texts → the UI language's (see player-strings.ts). */
  strings: Record<string, string>;
  onWatched: (report: WatchReport) => void;
  /** The height of the rendition now playing (null: not known yet, or sound only). */
  onRendition: (height: number | null) => void;
}

const HLS_TYPE = 'application/x-mpegURL';
const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2];
const REPORT_EVERY_MS = 10_000;
const SEEK_STEP_SECONDS = 5;
/** A drag along the progress bar fires many seeks; they are reported once it settles. */
const SEEK_REPORT_DELAY_MS = 1_000;

/** What video.js 8 adds with its bundled quality-levels plugin, which its types do not describe. */
interface QualityLevel extends LevelInfo {
  id: string;
  enabled: boolean;
}
interface QualityLevelList {
  readonly length: number;
  readonly selectedIndex: number;
  readonly [index: number]: QualityLevel | undefined;
  on(type: string, listener: () => void): void;
}
type PlayerWithLevels = Player & { qualityLevels(): QualityLevelList };

interface TextTrackLike {
  kind: string;
  language: string;
  mode: 'disabled' | 'hidden' | 'showing';
}

export class PlayerSession {
  private readonly player: PlayerWithLevels;
  private readonly tracker: PlayedIntervalTracker;
  private readonly captionTracks = new Map<string, ReturnType<Player['addRemoteTextTrack']>>();
  private readonly cleanups: (() => void)[] = [];
  private rungs: readonly Rung[];
  private heights: readonly number[];
  private audioOnly: boolean;
  /** Set while a source is loading: times read then are 0 or stale and must not be reported. */
  private loadingSource = true;
  /**
   * Between `play` and `pause`. Not `!paused()`: the element fires its last `timeupdate` just before
   * `pause`, already paused, and that last stretch was watched too.
   */
  private playing = false;
  private lastReportedPosition: number;
  private seekReportTimer: number | undefined;
  private disposed = false;

  constructor(
    element: HTMLElement,
    private readonly options: PlayerSessionOptions,
  ) {
    this.rungs = options.rungs;
    this.heights = options.heights;
    this.audioOnly = options.audioOnly;
    const startAt = resumePosition(options.resumeAt, options.durationSeconds);
    this.tracker = new PlayedIntervalTracker(startAt);
    this.lastReportedPosition = startAt;

    videojs.addLanguage(options.language, this.dictionary(options.language, options.strings));
    this.player = videojs(element, {
      controls: true,
      // Nothing is downloaded before the learner presses play: the poster and the duration say enough.
      preload: 'none',
      poster: options.posterUrl ?? undefined,
      fluid: true,
      aspectRatio: '16:9',
      responsive: true,
      // video.js's layouts by width, scaled to our 1.6× larger controls (see video.css): phones get
      // the "small" layout, and only below 340 px "x-small".
      breakpoints: { tiny: 210, xsmall: 340, small: 640, medium: 1000, large: 1600, xlarge: 2560 },
      language: options.language,
      crossOrigin: 'anonymous',
      playbackRates: PLAYBACK_RATES,
      controlBar: { skipButtons: { backward: 10 }, pictureInPictureToggle: false },
      userActions: { hotkeys: (event: KeyboardEvent) => this.handleHotkey(event) },
      html5: {
        vhs: {
          // VHS everywhere MSE exists (Chromium, Android), so renditions can be chosen and capped.
          overrideNative: true,
          // First visit: start on the lowest rung rather than VHS's 4 Mbit/s guess, which on 3G means
          // a stall and a wasted segment; later visits start from the speed measured last time (unless
          // limited, see load()).
          enableLowInitialPlaylist: true,
        },
        nativeAudioTracks: false,
        nativeVideoTracks: false,
        // A caption file is fetched when turned on, not with every lesson opened.
        preloadTextTracks: false,
      },
    }) as PlayerWithLevels;

    // Focusable, so its keyboard shortcuts work without first tabbing to one of its buttons.
    this.player.el().setAttribute('tabindex', '0');
    this.setCaptions(options.captions);
    this.listen();
    this.load(this.audioOnly ? options.audioOnlyUrl : options.masterUrl, startAt, false);
  }

  /**
   * What the data saver and the quality menu allow: sound only (the audio rung's own playlist,
   * continuing at the same time), or video limited to `heights` (empty: no limit), switched at once.
   */
  setPlayback(audioOnly: boolean, heights: readonly number[], rungs: readonly Rung[]): void {
    if (this.disposed) return;
    this.heights = heights;
    this.rungs = rungs;
    if (audioOnly === this.audioOnly) {
      this.applyLevels();
      return;
    }
    // Levels are not touched here: the new source brings its own, and they get `heights` as they come.
    this.audioOnly = audioOnly;
    const wasPlaying = !this.player.paused();
    this.report(false);
    this.load(
      audioOnly ? this.options.audioOnlyUrl : this.options.masterUrl,
      this.tracker.position,
      wasPlaying,
    );
  }

  setCaptions(captions: readonly Caption[]): void {
    const wanted = new Map(captions.map((caption) => [caption.url, caption]));
    for (const [url, trackElement] of this.captionTracks) {
      if (wanted.has(url)) continue;
      // Takes the track element as well as its track.
      this.player.removeRemoteTextTrack(trackElement);
      this.captionTracks.delete(url);
    }
    for (const caption of captions) {
      if (this.captionTracks.has(caption.url)) continue;
      // Off until asked for (the CC button or the C key); kept across source switches.
      const trackElement = this.player.addRemoteTextTrack(
        {
          kind: 'captions',
          srclang: caption.language,
          label: caption.label,
          src: caption.url,
          default: false,
        },
        true,
      );
      this.captionTracks.set(caption.url, trackElement);
    }
  }

  setLanguage(language: string, strings: Record<string, string>): void {
    videojs.addLanguage(language, this.dictionary(language, strings));
    this.player.language(language);
    // Set once by video.js when it builds the player; the controls follow `language` by themselves.
    this.player.el().setAttribute('aria-label', this.player.localize('Video Player'));
  }

  dispose(): void {
    if (this.disposed) return;
    this.report(true);
    this.disposed = true;
    window.clearTimeout(this.seekReportTimer);
    for (const cleanup of this.cleanups) cleanup();
    this.player.dispose();
  }

  private dictionary(language: string, strings: Record<string, string>): Record<string, string> {
    return language === 'vi' ? { ...videojsVietnamese, ...strings } : strings;
  }

  private load(src: string, startAt: number, play: boolean): void {
    this.loadingSource = true;
    // The speed measured last time (often on Wi-Fi) would start on a tall rung and spend a segment
    // or two of it before the limits apply: when limited, VHS starts on the lowest rung instead.
    this.player.src({ src, type: HLS_TYPE, useBandwidthFromLocalStorage: !this.isLimited() });
    // Sound only: the poster stays on screen instead of a black picture.
    ignoreRejection(this.player.audioPosterMode(this.audioOnly));
    // The length and the place to start are known before any byte of video arrives (with preload
    // "none", that is only after play): the control bar shows them on the poster meanwhile.
    this.player.one('loadstart', () => {
      if (this.options.durationSeconds > 0) this.player.duration(this.options.durationSeconds);
      if (startAt > 0) {
        this.player.currentTime(startAt);
        this.player.trigger('timeupdate'); // the time display and progress bar follow
      }
    });
    this.player.one('loadedmetadata', () => {
      if (startAt > 0 && Math.abs((this.player.currentTime() ?? 0) - startAt) > 1) {
        this.player.currentTime(startAt);
      }
      this.loadingSource = false;
      this.observe(false);
    });
    // Playing is also what makes VHS start loading (preload "none").
    if (play) this.play();
  }

  private listen(): void {
    const player = this.player;
    player.on('timeupdate', () => this.observe(this.playing && !player.seeking()));
    // Fresh starting points: where playing resumes, where a seek landed.
    player.on('play', () => {
      this.observe(false);
      this.playing = true;
    });
    player.on(['pause', 'ended'], () => {
      this.playing = false;
      this.report(false);
    });
    player.on('seeked', () => {
      this.observe(false);
      window.clearTimeout(this.seekReportTimer);
      this.seekReportTimer = window.setTimeout(() => this.report(false), SEEK_REPORT_DELAY_MS);
    });

    const timer = window.setInterval(() => {
      if (!player.paused()) this.report(false);
    }, REPORT_EVERY_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') this.report(true);
    };
    const onPageHide = () => this.report(true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    this.cleanups.push(() => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
    });

    // VHS lists the renditions when the master playlist has loaded, and again after a source switch;
    // the first rendition it picked may already be one the data saver rules out.
    const levels = player.qualityLevels();
    let pending = false;
    const onLevelAdded = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        this.applyLevels();
      });
    };
    const onLevelChange = () => this.options.onRendition(this.currentHeight());
    levels.on('addqualitylevel', onLevelAdded);
    levels.on('change', onLevelChange);
  }

  private observe(playing: boolean): void {
    if (this.loadingSource || this.disposed) return;
    this.tracker.onTime(
      this.player.currentTime() ?? 0,
      performance.now(),
      playing,
      this.player.playbackRate() ?? 1,
    );
  }

  /** Sends what was watched since the last report, unless nothing changed at all. */
  private report(final: boolean): void {
    if (this.disposed) return;
    const position = this.tracker.position;
    if (!this.tracker.hasUnreported && this.lastReportedPosition === position) return;
    const intervals = this.tracker.takeReport();
    this.lastReportedPosition = position;
    this.options.onWatched({ intervals, position, final });
  }

  /** Enables the quality levels of the wanted heights, and leaves a disabled one at once. */
  private applyLevels(): void {
    if (this.audioOnly || this.disposed) return;
    const list = this.player.qualityLevels();
    const levels = Array.from({ length: list.length }, (_, index) => list[index]).filter(
      (level): level is QualityLevel => level !== undefined,
    );
    const enabled = levelsToEnable(levels, this.heights, this.rungs);
    // Enabled first, so there is never a moment with every level disabled.
    levels.forEach((level, index) => {
      if (enabled[index]) level.enabled = true;
    });
    levels.forEach((level, index) => {
      if (!enabled[index]) level.enabled = false;
    });
    // VHS only leaves a disabled rendition at its next decision, a segment or more later; turning
    // the target off and on makes it switch now (and drop what it buffered of the old one).
    const target = switchTarget(levels, enabled, list.selectedIndex, this.rungs);
    const level = target === null ? undefined : levels[target];
    if (level) {
      level.enabled = false;
      level.enabled = true;
    }
  }

  /** Sound only, or video below the top rung (data saver, or a quality picked by hand). */
  private isLimited(): boolean {
    const all = videoHeights(this.rungs);
    return (
      this.audioOnly || (this.heights.length > 0 && all.some((height) => !this.heights.includes(height)))
    );
  }

  private currentHeight(): number | null {
    if (this.audioOnly) return null;
    const list = this.player.qualityLevels();
    const level = list[list.selectedIndex];
    return level ? rungHeightOf(level, videoHeights(this.rungs)) : null;
  }

  private play(): void {
    // Refused (autoplay policy, a source switch cut short): the play button is still there.
    ignoreRejection(this.player.play());
  }

  private handleHotkey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const player = this.player;
    switch (event.key) {
      case ' ':
      case 'k':
      case 'K':
        if (player.paused()) this.play();
        else player.pause();
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const step = event.key === 'ArrowLeft' ? -SEEK_STEP_SECONDS : SEEK_STEP_SECONDS;
        const duration = player.duration() || this.options.durationSeconds;
        const time = (player.currentTime() ?? 0) + step;
        player.currentTime(Math.max(0, duration > 0 ? Math.min(time, duration) : time));
        break;
      }
      case 'f':
      case 'F':
        ignoreRejection(player.isFullscreen() ? player.exitFullscreen() : player.requestFullscreen());
        break;
      case 'm':
      case 'M':
        player.muted(!player.muted());
        break;
      case 'c':
      case 'C':
        this.toggleCaptions();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  /** Off if any caption is showing; otherwise the UI language's captions, or the first there are. */
  private toggleCaptions(): void {
    const list = this.player.textTracks() as unknown as ArrayLike<TextTrackLike>;
    const tracks = Array.from(list).filter(
      (track) => track.kind === 'captions' || track.kind === 'subtitles',
    );
    if (tracks.length === 0) return;
    if (tracks.some((track) => track.mode === 'showing')) {
      for (const track of tracks) track.mode = 'disabled';
      return;
    }
    const language = this.player.language() ?? '';
    const preferred = tracks.find((track) => track.language === language) ?? tracks[0];
    if (preferred) preferred.mode = 'showing';
  }
}

/** For the promises video.js returns or not: a refusal needs no handling beyond leaving things as they are. */
function ignoreRejection(value: unknown): void {
  if (value instanceof Promise) value.catch(() => undefined);
}
