import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';

import { paths } from '../../../app/paths';
import { useLocalized } from '../../../shared/courses/use-localized';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { StudioCourse } from '../api/studio-api';
import { useStudioCourse } from '../hooks/use-studio';
import { CoTeachersPanel } from './CoTeachersPanel';
import { CourseDetailsForm } from './CourseDetailsForm';
import { CoverImagePanel } from './CoverImagePanel';
import { OutlineEditor } from './OutlineEditor';
import { PublicationPanel } from './PublicationPanel';
import { questionBankPath } from './questions/question-bank-path';
import { VersionHistory } from './VersionHistory';

/** What the new-course form leaves for this page. */
export interface EditorFlash {
  flash?: 'created';
}

export function CourseEditorPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { data: course, error, isPending, refetch } = useStudioCourse(courseId);

  if (isPending) return <Loading />;
  if (!course) {
    return (
      <LoadFailedPage
        title={t('studio.editor.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.studio, label: t('studio.backToStudio') }}
      />
    );
  }
  return <CourseEditor course={course} />;
}

const SECTIONS = ['status', 'outline', 'details', 'cover', 'co-teachers', 'versions'] as const;
type SectionId = (typeof SECTIONS)[number];

function CourseEditor({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const state = useLocation().state as EditorFlash | null;
  const title = localized.pick(course.title);
  const sectionTitle: Record<SectionId, string> = {
    status: t('studio.editor.status'),
    outline: t('studio.editor.outline'),
    details: t('studio.editor.details'),
    cover: t('studio.editor.cover'),
    'co-teachers': t('studio.editor.coTeachers'),
    versions: t('studio.editor.versions'),
  };

  return (
    <Page
      title={`${title.text} – ${t('studio.editor.title')}`}
      heading={<span lang={title.lang}>{title.text}</span>}
    >
      <p>
        <Link to={paths.studio}>{t('studio.backToStudio')}</Link>
      </p>
      {state?.flash === 'created' ? <Alert tone="success">{t('studio.new.created')}</Alert> : null}
      <nav className="sub-nav" aria-label={t('studio.editor.onThisPage')}>
        <ul className="sub-nav__list">
          {SECTIONS.map((id) => (
            <li key={id}>
              <a className="sub-nav__link" href={`#${id}-title`}>
                {sectionTitle[id]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="actions">
        <Link className="button button--secondary" to={questionBankPath(course.id)}>
          {t('studio.questions.open')}
        </Link>
      </p>
      <EditorSection id="status" title={sectionTitle.status}>
        <PublicationPanel course={course} />
      </EditorSection>
      <EditorSection id="outline" title={sectionTitle.outline}>
        <OutlineEditor course={course} />
      </EditorSection>
      <EditorSection id="details" title={sectionTitle.details}>
        {/* Keyed by course: the form starts over only when another course is opened. */}
        <CourseDetailsForm key={course.id} course={course} />
      </EditorSection>
      <EditorSection id="cover" title={sectionTitle.cover}>
        <CoverImagePanel course={course} />
      </EditorSection>
      <EditorSection id="co-teachers" title={sectionTitle['co-teachers']}>
        <CoTeachersPanel course={course} />
      </EditorSection>
      <EditorSection id="versions" title={sectionTitle.versions}>
        <VersionHistory courseId={course.id} />
      </EditorSection>
    </Page>
  );
}

function EditorSection({ id, title, children }: { id: SectionId; title: string; children: ReactNode }) {
  return (
    <section className="editor-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
