type FactIcon = 'clock' | 'lessons' | 'level' | 'people' | 'language';

/** Line drawings (stroked, 24×24), legible at 18px. */
const ICONS: Record<FactIcon, string> = {
  clock: 'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18zM12 7v5l3 2',
  lessons: 'M4 6h16M4 12h16M4 18h10',
  level: 'M5 20v-5M12 20V10M19 20V4',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7a3.5 3.5 0 1 0 0 7zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14c2 .6 3 2.8 3 6',
  language:
    'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
};

export interface Fact {
  id: string;
  icon: FactIcon;
  text: string;
  lang?: string;
}

/** Short facts about a course (duration, lessons, level…), each with a small icon for those who read little. */
export function CourseFacts({ facts }: { facts: readonly Fact[] }) {
  return (
    <ul className="meta">
      {facts.map((fact) => (
        <li key={fact.id} className="meta__item" lang={fact.lang}>
          <svg className="meta__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              d={ICONS[fact.icon]}
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          {fact.text}
        </li>
      ))}
    </ul>
  );
}
