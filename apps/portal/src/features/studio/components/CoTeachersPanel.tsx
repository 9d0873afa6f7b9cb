import { ErrorCode, normaliseVietnamesePhone } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAuth } from '../../../app/auth/auth-context';
import {
  checkPhone,
  checkRequired,
  collect,
  FormShell,
  TextField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import type { StudioCourse } from '../api/studio-api';
import { useAddCoTeacher, useRemoveCoTeacher } from '../hooks/use-studio';
import { ConfirmAction } from './ConfirmAction';

const FIELDS = [{ name: 'phone', targetId: 'co-teacher-phone' }];

/** Teachers who may edit the course besides its creator, invited by phone number. */
export function CoTeachersPanel({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const [formKey, setFormKey] = useState(0);
  const [added, setAdded] = useState(false);

  return (
    <>
      <p>{t('studio.editor.owner', { name: course.owner.fullName })}</p>
      {course.coTeachers.length === 0 ? (
        <p className="muted">{t('studio.editor.noCoTeachers')}</p>
      ) : (
        <ul className="plain-list">
          {course.coTeachers.map((teacher) => (
            <CoTeacherItem key={teacher.id} courseId={course.id} teacher={teacher} />
          ))}
        </ul>
      )}
      {added ? <Alert tone="success">{t('studio.editor.coTeacherAdded')}</Alert> : null}
      <AddCoTeacherForm
        key={formKey}
        courseId={course.id}
        onAdded={() => {
          setAdded(true);
          setFormKey((key) => key + 1);
        }}
        onEdit={() => setAdded(false)}
      />
    </>
  );
}

function CoTeacherItem({
  courseId,
  teacher,
}: {
  courseId: string;
  teacher: StudioCourse['coTeachers'][number];
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const remove = useRemoveCoTeacher(courseId);
  return (
    <li className="plain-list__item">
      <span className="plain-list__text">{teacher.fullName}</span>
      {/* Leaving a course you co-teach would lock you out of this page at once; the owner does that. */}
      {teacher.id !== user?.id ? (
        <ConfirmAction
          label={t('studio.editor.removeCoTeacher')}
          context={teacher.fullName}
          question={t('studio.editor.removeCoTeacherQuestion', { name: teacher.fullName })}
          confirmLabel={t('studio.editor.removeCoTeacher')}
          pendingLabel={t('common.deleting')}
          pending={remove.isPending}
          error={remove.error}
          onCancel={remove.reset}
          onConfirm={() => remove.mutate(teacher.id)}
        />
      ) : null}
    </li>
  );
}

function AddCoTeacherForm({
  courseId,
  onAdded,
  onEdit,
}: {
  courseId: string;
  onAdded: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddCoTeacher(courseId);
  // "No such user" and "not a teacher" are about the number typed: said at the field.
  const form = useFormProblems(FIELDS, {
    [ErrorCode.UserNotFound]: 'phone',
    [ErrorCode.NotATeacher]: 'phone',
  });
  const [{ phone }, edit] = useFormValues({ phone: '' }, form.clear);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    const typed = phone.trim();
    collect(problems, 'phone', typed === '' ? checkRequired(typed) : checkPhone(typed));
    if (form.show(problems)) return;
    add.mutate(normaliseVietnamesePhone(typed) ?? typed, {
      onError: (error) => form.showApiError(error),
      onSuccess: onAdded,
    });
  };

  return (
    <FormShell
      problems={form}
      error={form.formLevel(add.error)}
      onSubmit={onSubmit}
      pending={add.isPending}
      submitLabel={t('studio.editor.addCoTeacher')}
      pendingLabel={t('studio.editor.addingCoTeacher')}
    >
      <TextField
        id="co-teacher-phone"
        label={t('studio.editor.coTeacherPhone')}
        hint={t('studio.editor.coTeacherPhoneHint')}
        value={phone}
        onValueChange={(value) => {
          onEdit();
          edit({ phone: value });
        }}
        error={form.errorFor('phone')}
        type="tel"
        inputMode="tel"
        autoComplete="off"
      />
    </FormShell>
  );
}
