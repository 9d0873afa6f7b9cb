/** Large pictures of a certificate's state; the words beside them say the same for screen readers. */

export function ValidIcon({ className = 'cert-icon' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <path d="M13 24.5l7 7L35 16.5" fill="none" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" />
    </svg>
  );
}

export function RevokedIcon({ className = 'cert-icon' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <path d="M16 16l16 16M32 16L16 32" fill="none" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" />
    </svg>
  );
}

export function UnknownIcon({ className = 'cert-icon' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <path
        d="M18 18.5a6 6 0 1 1 8.5 5.5c-1.7.8-2.5 2-2.5 3.8V30"
        fill="none"
        stroke="#fff"
        strokeWidth="4.5"
        strokeLinecap="round"
      />
      <circle cx="24" cy="36.5" r="2.8" fill="#fff" />
    </svg>
  );
}
