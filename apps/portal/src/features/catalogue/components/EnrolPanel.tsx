import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { LEARNING_PERMISSIONS } from '../../../app/auth/course-access';
import { paths, type ReturnToState } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { useEnrol, useMyLearning } from '../../../shared/courses/enrolments';
import { Alert } from '../../../shared/ui/Alert';

/** What the course page leaves for the learner's outline after enrolling. */
export interface EnrolledFlash {
  flash?: 'enrolled';
}

/**
 * "Đăng ký học", or "Vào học" once enrolled. Signed out, the button leads to sign-in, which brings
 * the person back to this course page.
 */
export function EnrolPanel({ courseId, slug }: { courseId: string; slug: string }) {
  const { t } = useTranslation();
  const { session, can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const signedIn = session.status === 'signedIn';
  const mayLearn = LEARNING_PERMISSIONS.some((permission) => can(permission));
  const mine = useMyLearning({ enabled: signedIn && mayLearn });
  const enrol = useEnrol();
  const enrolled = mine.data?.some((course) => course.courseId === courseId) ?? false;

  if (session.status === 'restoring') return null;

  if (!signedIn) {
    const state: ReturnToState = { from: pathname || paths.course(slug) };
    return (
      <div className="enrol-panel">
        <button
          type="button"
          className="button button--large"
          onClick={() => void navigate(paths.signIn, { state })}
        >
          {t('course.enrol')}
        </button>
        <p className="field__hint">{t('course.signInToEnrol')}</p>
      </div>
    );
  }
  if (!mayLearn) return null;

  if (enrolled) {
    return (
      <div className="enrol-panel">
        <p>{t('course.enrolled')}</p>
        <Link className="button button--large" to={paths.learnCourse(courseId)}>
          {t('course.start')}
        </Link>
      </div>
    );
  }

  return (
    <div className="enrol-panel">
      {enrol.error ? <Alert tone="error">{errorMessage(t, enrol.error)}</Alert> : null}
      <button
        type="button"
        className="button button--large"
        disabled={enrol.isPending}
        onClick={() =>
          enrol.mutate(courseId, {
            onSuccess: () => {
              const state: EnrolledFlash = { flash: 'enrolled' };
              void navigate(paths.learnCourse(courseId), { state });
            },
          })
        }
      >
        {enrol.isPending ? t('course.enrolling') : t('course.enrol')}
      </button>
    </div>
  );
}
