import { ErrorCode, Role } from '@hocvu/contracts';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

import { aCourse, aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

describe('catalogue, enrolment and learning (integration)', () => {
  let t: TestApp;
  let teacher: SignedInUser;
  let learner: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    teacher = await aSignedInUser(t, Role.Teacher);
    learner = await aSignedInUser(t, Role.Learner);
  });
  afterAll(() => t.close());

  const as = (user: SignedInUser, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.auth, ...(payload ? { payload } : {}) });
  const search = async (q: string, extra = '') =>
    (await t.app.inject({ method: 'GET', url: `/api/catalogue?q=${encodeURIComponent(q)}${extra}` }))
      .json<{
        items: { id: string }[];
      }>()
      .items.map((item) => item.id);

  describe('catalogue search', () => {
    let skills: string;
    let payments: string;
    let draft: string;

    beforeAll(async () => {
      skills = (
        await aCourse(t, teacher, {
          title: 'Kỹ năng số cơ bản cho người cao tuổi',
          summary: 'Dùng điện thoại thông minh',
        })
      ).id;
      payments = (
        await aCourse(t, teacher, {
          title: 'Thanh toán không dùng tiền mặt',
          summary: 'Ví điện tử, ngân hàng số',
        })
      ).id;
      draft = (await aCourse(t, teacher, { title: 'Kỹ năng số nâng cao (bản nháp)', publish: false })).id;
    });

    it.each(['ky nang so', 'kĩ năng số', 'Kỹ năng số', 'KY NANG SO', 'ki nang so', 'kỹ năg số'])(
      'finds the course typed as %p (diacritics, i/y spelling and typos do not matter)',
      async (q) => {
        const found = await search(q);
        expect(found).toContain(skills);
        expect(found).not.toContain(payments);
      },
    );

    it('finds words of the summary and never lists drafts', async () => {
      expect(await search('vi dien tu')).toEqual([payments]);
      expect(await search('nang cao')).not.toContain(draft);
    });

    it('filters by target group, language and level, and rejects bad filters', async () => {
      expect(await search('', '&targetGroup=citizen&language=vi&level=beginner')).toEqual(
        expect.arrayContaining([skills, payments]),
      );
      expect(await search('', '&targetGroup=student')).not.toContain(skills);
      const bad = await t.app.inject({ method: 'GET', url: '/api/catalogue?level=expert' });
      expect(bad.statusCode).toBe(400);
    });

    it('answers 304 to a current ETag and changes the ETag when something is published', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/api/catalogue?q=ky+nang' });
      const etag = first.headers['etag'] as string;
      expect(first.headers['cache-control']).toContain('max-age=60');
      const again = await t.app.inject({
        method: 'GET',
        url: '/api/catalogue?q=ky+nang',
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      const newer = await aCourse(t, teacher, { title: 'Kỹ năng số cho học sinh' });
      const after = await t.app.inject({
        method: 'GET',
        url: '/api/catalogue?q=ky+nang',
        headers: { 'if-none-match': etag },
      });
      expect(after.statusCode).toBe(200);
      expect(after.headers['etag']).not.toBe(etag);
      expect(after.json().items.map((item: { id: string }) => item.id)).toContain(newer.id);
    });

    it('shows the course page by slug with its outline, and 404 for unknown or draft courses', async () => {
      const course = await aCourse(t, teacher, { title: 'Dịch vụ công trực tuyến', sections: [2, 1] });
      const page = await t.app.inject({ method: 'GET', url: `/api/catalogue/${course.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.json()).toMatchObject({
        title: { vi: 'Dịch vụ công trực tuyến' },
        lessonCount: 3,
        estimatedMinutes: 15,
        version: 1,
      });
      expect(page.json().sections.map((s: { lessons: unknown[] }) => s.lessons.length)).toEqual([2, 1]);
      expect((await t.app.inject({ method: 'GET', url: '/api/catalogue/khong-co' })).json().error.code).toBe(
        ErrorCode.CourseNotFound,
      );
    });
  });

  describe('enrolment and progress', () => {
    it('refuses enrolment in a draft or unpublished course, and enrols idempotently', async () => {
      const draft = await aCourse(t, teacher, { publish: false });
      const closed = await as(learner, 'POST', `/api/courses/${draft.id}/enrolment`);
      expect(closed.statusCode).toBe(422);
      expect(closed.json().error.code).toBe(ErrorCode.CourseNotOpen);

      const open = await aCourse(t, teacher);
      expect((await as(learner, 'POST', `/api/courses/${open.id}/enrolment`)).statusCode).toBe(201);
      expect((await as(learner, 'POST', `/api/courses/${open.id}/enrolment`)).statusCode).toBe(200);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM enrolments WHERE course_id = $1', [
        open.id,
      ]);
      expect(n).toBe(1);

      await t.app.inject({
        method: 'POST',
        url: `/api/studio/courses/${open.id}/unpublish`,
        headers: teacher.auth,
      });
      const other = await aSignedInUser(t, Role.Learner);
      expect((await as(other, 'POST', `/api/courses/${open.id}/enrolment`)).json().error.code).toBe(
        ErrorCode.CourseNotOpen,
      );
      // Already enrolled learners keep learning.
      expect((await as(learner, 'GET', `/api/learn/${open.id}`)).statusCode).toBe(200);
    });

    it('keeps the outline and lessons to enrolled learners', async () => {
      const course = await aCourse(t, teacher);
      const stranger = await aSignedInUser(t, Role.Learner);
      const response = await as(stranger, 'GET', `/api/learn/${course.id}`);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe(ErrorCode.NotEnrolled);
    });

    it('unlocks lessons one by one in a sequential course and tracks progress and "continue"', async () => {
      const course = await aCourse(t, teacher, { sections: [1, 1], sequential: true });
      const first = course.sections[0]?.lessons[0]?.id;
      const second = course.sections[1]?.lessons[0]?.id;
      const user = await aSignedInUser(t, Role.Learner);
      await as(user, 'POST', `/api/courses/${course.id}/enrolment`);

      const before = (await as(user, 'GET', `/api/learn/${course.id}`)).json();
      expect(before).toMatchObject({ progressPercent: 0, nextLessonId: first });
      expect(before.sections.map((s: { lessons: { locked: boolean }[] }) => s.lessons[0]?.locked)).toEqual([
        false,
        true,
      ]);
      const locked = await as(user, 'GET', `/api/learn/${course.id}/lessons/${second}`);
      expect(locked.statusCode).toBe(403);
      expect(locked.json().error.code).toBe(ErrorCode.LessonLocked);
      expect((await as(user, 'POST', `/api/learn/${course.id}/lessons/${second}/complete`)).statusCode).toBe(
        403,
      );

      const lesson = (await as(user, 'GET', `/api/learn/${course.id}/lessons/${first}`)).json();
      expect(lesson).toMatchObject({ completed: false, previousLessonId: null, nextLessonId: second });
      expect(lesson.html.vi).toContain('<strong>bài học</strong>');

      const done = await as(user, 'POST', `/api/learn/${course.id}/lessons/${first}/complete`);
      expect(done.json()).toMatchObject({ progressPercent: 50, nextLessonId: second });
      expect(
        (await as(user, 'POST', `/api/learn/${course.id}/lessons/${first}/complete`)).json().progressPercent,
      ).toBe(50);
      await as(user, 'POST', `/api/learn/${course.id}/lessons/${second}/complete`);

      const learning = (await as(user, 'GET', '/api/me/learning')).json();
      expect(learning).toEqual([
        expect.objectContaining({
          courseId: course.id,
          progressPercent: 100,
          completedLessons: 2,
          totalLessons: 2,
          nextLessonId: null,
        }),
      ]);
    });

    it('revalidates the outline with its ETag until the learner completes a lesson', async () => {
      const course = await aCourse(t, teacher, { sections: [2] });
      const user = await aSignedInUser(t, Role.Learner);
      await as(user, 'POST', `/api/courses/${course.id}/enrolment`);
      const url = `/api/learn/${course.id}`;
      const first = await as(user, 'GET', url);
      const etag = first.headers['etag'] as string;
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await t.app.inject({
        method: 'GET',
        url,
        headers: { ...user.auth, 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      await as(
        user,
        'POST',
        `/api/learn/${course.id}/lessons/${course.sections[0]?.lessons[0]?.id}/complete`,
      );
      const after = await t.app.inject({
        method: 'GET',
        url,
        headers: { ...user.auth, 'if-none-match': etag },
      });
      expect(after.statusCode).toBe(200);
      expect(after.headers['etag']).not.toBe(etag);
      expect(after.json().progressPercent).toBe(50);
    });

    it('issues the same number of SQL queries for the outline whatever the course size (no N+1)', async () => {
      const small = await aCourse(t, teacher, { sections: [1] });
      const large = await aCourse(t, teacher, { sections: [10, 10, 10] });
      const user = await aSignedInUser(t, Role.Learner);
      for (const course of [small, large]) await as(user, 'POST', `/api/courses/${course.id}/enrolment`);
      const countQueries = async (courseId: string) => {
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
        try {
          const response = await as(user, 'GET', `/api/learn/${courseId}`);
          expect(response.statusCode).toBe(200);
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      const smallCount = await countQueries(small.id);
      expect(smallCount).toBeGreaterThan(0);
      expect(await countQueries(large.id)).toBe(smallCount);
    });
  });

  describe('bulk enrolment', () => {
    it('enrols a commune cohort once, scoped for commune admins, and audits it', async () => {
      const { communeA, communeB } = await aProvinceWithCommunes(t);
      const inA = [
        await aSignedInUser(t, Role.Learner, communeA),
        await aSignedInUser(t, Role.Learner, communeA),
      ];
      const inB = await aSignedInUser(t, Role.Learner, communeB);
      const communeAdmin = await aSignedInUser(t, Role.CommuneAdmin, communeA);
      const course = await aCourse(t, teacher);

      const bulk = (communeId: string) =>
        as(communeAdmin, 'POST', '/api/enrolments/bulk', { courseId: course.id, communeId });
      const first = await bulk(communeA);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ enrolled: 2, alreadyEnrolled: 0 });
      expect((await bulk(communeA)).json()).toEqual({ enrolled: 0, alreadyEnrolled: 2 });
      expect((await bulk(communeB)).statusCode).toBe(403);

      const enrolled = await t.db.query<{ user_id: string }[]>(
        'SELECT user_id FROM enrolments WHERE course_id = $1',
        [course.id],
      );
      expect(enrolled.map((row) => row.user_id).sort()).toEqual(inA.map((user) => user.id).sort());
      expect(enrolled.map((row) => row.user_id)).not.toContain(inB.id);
      const [audit] = await t.db.query(
        `SELECT details FROM audit_log WHERE action = 'enrolment.bulk' AND target_id = $1 LIMIT 1`,
        [course.id],
      );
      expect(audit.details).toMatchObject({ communeId: communeA, enrolled: 2 });
    });

    it('needs a cohort filter and a published course', async () => {
      const admin = await aSignedInUser(t, Role.ProvinceAdmin);
      const course = await aCourse(t, teacher, { publish: false });
      const noFilter = await as(admin, 'POST', '/api/enrolments/bulk', { courseId: course.id });
      expect(noFilter.statusCode).toBe(400);
      const draft = await as(admin, 'POST', '/api/enrolments/bulk', {
        courseId: course.id,
        targetGroup: 'citizen',
      });
      expect(draft.json().error.code).toBe(ErrorCode.CourseNotOpen);
    });
  });
});
