import { type LocalizedText, publicMediaUrl } from '@hocvu/contracts';

import { useLocalized } from '../../../../shared/courses/use-localized';

/**
 * A question's picture, as the learner quiz shows it: from public media, loaded lazily, described by
 * its alt text in the reader's language (with fallback to Vietnamese).
 */
export function QuestionImage({
  image,
  className,
}: {
  image: { key: string; alt: LocalizedText };
  className: string;
}) {
  const localized = useLocalized();
  const alt = localized.pick(image.alt);
  return (
    <img
      className={className}
      src={publicMediaUrl(image.key)}
      alt={alt.text}
      lang={alt.lang}
      loading="lazy"
      decoding="async"
    />
  );
}
