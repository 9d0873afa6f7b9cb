/** Pictures beside words that already say the same (right, wrong, time): hidden from screen readers. */
interface IconProps {
  className?: string;
}

export function RightIcon({ className = 'quiz-icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path d="M6.5 12.5l3.7 3.7L17.5 8.8" fill="none" stroke="#fff" strokeWidth="2.6" />
    </svg>
  );
}

export function WrongIcon({ className = 'quiz-icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path d="M8 8l8 8M16 8l-8 8" fill="none" stroke="#fff" strokeWidth="2.6" />
    </svg>
  );
}

export function PartlyIcon({ className = 'quiz-icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 2a10 10 0 0 1 0 20z" fill="currentColor" />
    </svg>
  );
}

export function EmptyIcon({ className = 'quiz-icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle
        cx="12"
        cy="12"
        r="10"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeDasharray="4 3"
      />
    </svg>
  );
}

export function ClockIcon({ className = 'quiz-icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <path d="M12 6.5V12l3.5 2.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
    </svg>
  );
}

export function TrophyIcon({ className = 'quiz-icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M7 3h10v2h3v3a4 4 0 0 1-4.2 4A5 5 0 0 1 13 14.9V18h3v3H8v-3h3v-3.1A5 5 0 0 1 8.2 12 4 4 0 0 1 4 8V5h3zm0 4H6v1a2 2 0 0 0 1.3 1.9A5 5 0 0 1 7 8zm10 0v1c0 .7-.1 1.3-.3 1.9A2 2 0 0 0 18 8V7z"
        fill="currentColor"
      />
    </svg>
  );
}

export function WarningIcon({ className = 'quiz-icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2 1 21h22z" fill="currentColor" />
      <path d="M12 9v5.5M12 16.8v1.6" stroke="#fff" strokeWidth="2.4" />
    </svg>
  );
}
