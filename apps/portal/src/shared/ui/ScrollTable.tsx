import type { ReactNode } from 'react';

/** A table that may be wider than a phone: it scrolls sideways inside a region named by `labelledBy`. */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby={labelledBy}
      // A scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      <table className="table">{children}</table>
    </div>
  );
}
