import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** Sets the browser tab title: "<page> – Hocvu". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('app.name');
  useEffect(() => {
    document.title = `${title} – ${suffix}`;
  }, [title, suffix]);
}

interface PageProps {
  /** Page title, used for the tab title and (unless `heading` is given) the visible h1. */
  title: string;
  heading?: ReactNode;
  /** Short text under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * Every page starts with this: one h1, the tab title, and — after an in-app navigation — focus moved to
 * the heading so screen readers announce the new page instead of staying silent on the old link.
 */
export function Page({ title, heading, lead, children }: PageProps) {
  useDocumentTitle(title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  // The first location of a visit has key "default": leave focus alone on a fresh load.
  const [focusOnMount] = useState(() => key !== 'default');
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        {heading ?? title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
