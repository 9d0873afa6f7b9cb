import './course-ui.css';

import type { ReactNode } from 'react';

import { coverTone } from './cover-tone';

interface CourseCoverProps {
  /** The public cover URL, or null for the coloured placeholder. */
  url: string | null;
  /** Picks the placeholder colour (the course id). */
  seed: string;
  /** Empty when the cover is decoration next to the course title (the default). */
  alt?: string;
  className?: string;
  /** Shown over the placeholder (e.g. "No cover yet" in the studio). */
  placeholder?: ReactNode;
}

/**
 * A course cover in a fixed 16:9 box, so nothing moves when it arrives over a slow line. Without a
 * cover: a coloured box drawn by CSS alone (nothing downloaded).
 */
export function CourseCover({ url, seed, alt = '', className, placeholder }: CourseCoverProps) {
  const classes = `course-cover${className ? ` ${className}` : ''}`;
  if (url) {
    return (
      <div className={classes}>
        <img
          className="course-cover__img"
          src={url}
          alt={alt}
          width={640}
          height={360}
          loading="lazy"
          decoding="async"
        />
      </div>
    );
  }
  return (
    <div className={`${classes} course-cover--placeholder`} data-tone={coverTone(seed)}>
      <svg className="course-cover__art" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {/* An open book. */}
        <path
          d="M12 6.5C10 5 7 4.5 3.5 5v13c3.5-.5 6.5 0 8.5 1.5c2-1.5 5-2 8.5-1.5V5C17 4.5 14 5 12 6.5zM12 6.5v13"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
      {placeholder ? <span className="course-cover__text">{placeholder}</span> : null}
    </div>
  );
}
