import { Role } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { CommuneSelect } from '../../../shared/admin-units/CommuneSelect';
import { errorMessage } from '../../../shared/api/error-messages';
import { todayInVietnam } from '../../../shared/format';
import { TextField } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import { PublishedCourseSelect } from '../../admin/components/PublishedCourseSelect';
import { useCreateSession } from '../hooks/use-community';

/** Vietnam has one time zone and no daylight saving: a local date and time is +07:00. */
export function vietnamInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}

/** Schedule a class: what (title, optional course), where (the cultural house), when, how many. */
export function NewSessionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useAuth();
  const create = useCreateSession();
  const province = user?.role === Role.ProvinceAdmin;
  const [communeId, setCommuneId] = useState('');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(todayInVietnam());
  const [time, setTime] = useState('08:00');
  const [duration, setDuration] = useState('90');
  const [capacity, setCapacity] = useState('50');
  const [courseId, setCourseId] = useState('');
  const [missing, setMissing] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim() || !place.trim() || !date || !time || (province && !communeId)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    create.mutate(
      {
        title: title.trim(),
        place: place.trim(),
        startsAt: vietnamInstant(date, time),
        durationMinutes: Number(duration) || 90,
        capacity: Number(capacity) || 50,
        ...(courseId ? { courseId } : {}),
        ...(province ? { communeId } : {}),
      },
      { onSuccess: (session) => void navigate(paths.communitySession(session.id)) },
    );
  };

  return (
    <Page title={t('community.newSession.title')}>
      {missing ? <Alert tone="error">{t('community.newSession.missing')}</Alert> : null}
      {create.isError ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
      <form onSubmit={onSubmit} noValidate>
        {province ? (
          <CommuneSelect
            id="session-commune"
            value={communeId}
            onValueChange={setCommuneId}
            optional={false}
          />
        ) : null}
        <TextField
          id="session-title"
          label={t('community.newSession.titleLabel')}
          hint={t('community.newSession.titleHint')}
          value={title}
          onValueChange={setTitle}
          required
        />
        <TextField
          id="session-place"
          label={t('community.newSession.place')}
          hint={t('community.newSession.placeHint')}
          value={place}
          onValueChange={setPlace}
          required
        />
        <TextField
          id="session-date"
          label={t('community.newSession.date')}
          type="date"
          value={date}
          onValueChange={setDate}
          required
        />
        <TextField
          id="session-time"
          label={t('community.newSession.time')}
          type="time"
          value={time}
          onValueChange={setTime}
          required
        />
        <TextField
          id="session-duration"
          label={t('community.newSession.duration')}
          type="number"
          min={15}
          max={600}
          value={duration}
          onValueChange={setDuration}
        />
        <TextField
          id="session-capacity"
          label={t('community.newSession.capacity')}
          hint={t('community.newSession.capacityHint')}
          type="number"
          min={1}
          max={500}
          value={capacity}
          onValueChange={setCapacity}
        />
        <PublishedCourseSelect
          id="session-course"
          label={t('community.newSession.course')}
          placeholder={t('community.newSession.noCourse')}
          value={courseId}
          onValueChange={setCourseId}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('community.newSession.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
