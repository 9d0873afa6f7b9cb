import { ErrorCode, Role } from '@hocvu/contracts';
import { solidPng } from '@hocvu/server-kit/testing';

import { aCourse, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

describe('course authoring and versioned publishing (integration)', () => {
  let t: TestApp;
  let owner: SignedInUser;
  let otherTeacher: SignedInUser;
  let provinceAdmin: SignedInUser;
  let learner: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await aSignedInUser(t, Role.Teacher);
    otherTeacher = await aSignedInUser(t, Role.Teacher);
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    learner = await aSignedInUser(t, Role.Learner);
  });
  afterAll(() => t.close());

  const as = (
    user: SignedInUser,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: user.auth, ...(payload ? { payload } : {}) });

  describe('who may edit', () => {
    it('lets the owner, co-teachers and province admins edit, and nobody else', async () => {
      const course = await aCourse(t, owner, { publish: false });
      const rename = (user: SignedInUser, vi: string) =>
        as(user, 'PATCH', `/api/studio/courses/${course.id}`, { title: { vi } });

      expect((await rename(owner, 'Của chủ khoá')).statusCode).toBe(200);
      const stranger = await rename(otherTeacher, 'Không được');
      expect(stranger.statusCode).toBe(403);
      expect(stranger.json().error.code).toBe(ErrorCode.NotCourseEditor);
      expect((await rename(learner, 'Không được')).json().error.code).toBe(ErrorCode.Forbidden);
      expect((await rename(provinceAdmin, 'Của tỉnh')).statusCode).toBe(200);

      const added = await as(owner, 'POST', `/api/studio/courses/${course.id}/co-teachers`, {
        phone: otherTeacher.phone,
      });
      expect(added.statusCode).toBe(200);
      expect(added.json().coTeachers).toEqual([expect.objectContaining({ id: otherTeacher.id })]);
      expect((await rename(otherTeacher, 'Của đồng giảng viên')).statusCode).toBe(200);
      const listed = await as(otherTeacher, 'GET', '/api/studio/courses');
      expect(listed.json().items.map((c: { id: string }) => c.id)).toContain(course.id);

      const learnerAsCoTeacher = await as(owner, 'POST', `/api/studio/courses/${course.id}/co-teachers`, {
        phone: learner.phone,
      });
      expect(learnerAsCoTeacher.json().error.code).toBe(ErrorCode.NotATeacher);
    });
  });

  describe('bad input', () => {
    it('rejects empty, oversized and non-Vietnamese-only titles and unknown languages', async () => {
      const create = (payload: object) => as(owner, 'POST', '/api/studio/courses', payload);
      const empty = await create({ title: { vi: '   ' } });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details).toEqual([
        expect.objectContaining({ field: 'title', rules: ['vietnameseRequired'] }),
      ]);
      expect((await create({ title: { vi: 'x'.repeat(161) } })).json().error.details[0].rules).toEqual([
        'localizedText',
      ]);
      expect((await create({ title: { en: 'English only' } })).statusCode).toBe(400);
      const unknown = await create({ title: { vi: 'Có tiếng lạ', xx: 'Strange' } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatchObject({
        code: ErrorCode.UnknownLanguage,
        details: { languages: ['xx'] },
      });
      expect(
        (await create({ title: { vi: 'Tiếng Thái', blt: 'ꪀꪫꪱꪣ' }, languages: ['vi', 'blt'] })).statusCode,
      ).toBe(201);

      // An admin adds Khmu (kjg); from then on it may be used, and disabling it closes it again.
      const khmu = { title: { vi: 'Tiếng Khơ Mú', kjg: 'Khmu' } };
      expect((await create(khmu)).json().error.code).toBe(ErrorCode.UnknownLanguage);
      const added = await as(provinceAdmin, 'POST', '/api/languages', { code: 'kjg', name: 'Khơ Mú' });
      expect(added.statusCode).toBe(201);
      expect(
        (await as(provinceAdmin, 'POST', '/api/languages', { code: 'kjg', name: 'Khơ Mú' })).statusCode,
      ).toBe(409);
      expect((await create(khmu)).statusCode).toBe(201);
      await as(provinceAdmin, 'PATCH', '/api/languages/kjg', { enabled: false });
      expect((await create(khmu)).statusCode).toBe(400);
      expect((await as(provinceAdmin, 'PATCH', '/api/languages/vi', { enabled: false })).statusCode).toBe(
        400,
      );
    });

    it('refuses a reorder with ids of another course and keeps the old order', async () => {
      const course = await aCourse(t, owner, { sections: [2], publish: false });
      const other = await aCourse(t, owner, { sections: [1], publish: false });
      const [section] = course.sections;
      const [first, second] = section?.lessons ?? [];
      const foreign = other.sections[0]?.lessons[0];
      const response = await as(owner, 'PUT', `/api/studio/courses/${course.id}/order`, {
        sections: [{ id: section?.id, lessonIds: [second?.id, foreign?.id] }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe(ErrorCode.OrderMismatch);
      const after = (await as(owner, 'GET', `/api/studio/courses/${course.id}`)).json();
      expect(after.sections[0].lessons.map((l: { id: string }) => l.id)).toEqual([first?.id, second?.id]);
    });

    it('reorders sections and moves lessons between them in one step', async () => {
      const course = await aCourse(t, owner, { sections: [2, 1], publish: false });
      const [a, b] = course.sections as [BuiltSection, BuiltSection];
      const response = await as(owner, 'PUT', `/api/studio/courses/${course.id}/order`, {
        sections: [
          { id: b.id, lessonIds: [b.lessons[0]?.id, a.lessons[1]?.id] },
          { id: a.id, lessonIds: [a.lessons[0]?.id] },
        ],
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().sections.map((s: BuiltSection) => [s.id, s.lessons.map((l) => l.id)])).toEqual([
        [b.id, [b.lessons[0]?.id, a.lessons[1]?.id]],
        [a.id, [a.lessons[0]?.id]],
      ]);
    });

    it('refuses to publish an empty course', async () => {
      const course = await aCourse(t, owner, { sections: [], publish: false });
      const response = await as(owner, 'POST', `/api/studio/courses/${course.id}/publish`);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe(ErrorCode.CourseEmpty);
    });
  });

  describe('versions', () => {
    it('shows learners the published version until the draft is published again', async () => {
      const course = await aCourse(t, owner, { title: 'An toàn trên mạng', sections: [1] });
      expect((await as(learner, 'POST', `/api/courses/${course.id}/enrolment`)).statusCode).toBe(201);
      const lessonId = course.sections[0]?.lessons[0]?.id;

      // Draft edits: rename the lesson, add a section and a lesson.
      await as(owner, 'PATCH', `/api/studio/lessons/${lessonId}`, { title: { vi: 'Tên mới chưa xuất bản' } });
      const edited = await as(owner, 'POST', `/api/studio/courses/${course.id}/sections`, {
        title: { vi: 'Phần mới' },
      });
      expect(edited.json()).toMatchObject({
        status: 'published',
        publishedVersion: 1,
        hasUnpublishedChanges: true,
      });

      const seen = (await as(learner, 'GET', `/api/learn/${course.id}`)).json();
      expect(seen.sections).toHaveLength(1);
      expect(seen.sections[0].lessons[0].title.vi).toBe('Bài 1.1');
      const page = (await t.app.inject({ method: 'GET', url: `/api/catalogue/${course.slug}` })).json();
      expect(page.sections[0].lessons[0].title.vi).toBe('Bài 1.1');

      const republished = await as(owner, 'POST', `/api/studio/courses/${course.id}/publish`);
      expect(republished.json()).toMatchObject({ publishedVersion: 2, hasUnpublishedChanges: false });
      const now = (await as(learner, 'GET', `/api/learn/${course.id}`)).json();
      expect(now.sections[0].lessons[0].title.vi).toBe('Tên mới chưa xuất bản');

      const versions = (await as(owner, 'GET', `/api/studio/courses/${course.id}/versions`)).json();
      expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(versions[0].publishedBy).toEqual({ id: owner.id, fullName: expect.any(String) });
    });

    it('sanitises article HTML for the studio preview and for learners', async () => {
      const course = await aCourse(t, owner, { publish: false });
      const lessonId = course.sections[0]?.lessons[0]?.id;
      const patched = await as(owner, 'PATCH', `/api/studio/lessons/${lessonId}`, {
        body: {
          vi: '## Chú ý\n\n<script>alert(1)</script> [nhấn](javascript:alert(1)) ![ảnh](https://a.vn/x.png)',
        },
      });
      expect(patched.statusCode).toBe(200);
      const preview: string = patched.json().previewHtml.vi;
      expect(preview).not.toMatch(/<script|href="javascript:/i);
      expect(preview).toContain('loading="lazy"');

      await as(owner, 'POST', `/api/studio/courses/${course.id}/publish`);
      await as(learner, 'POST', `/api/courses/${course.id}/enrolment`);
      const lesson = (await as(learner, 'GET', `/api/learn/${course.id}/lessons/${lessonId}`)).json();
      expect(lesson.html.vi).toBe(preview);
    });

    it('renders the course description from Markdown, sanitised, on the course page', async () => {
      const course = await aCourse(t, owner, { publish: false });
      await as(owner, 'PATCH', `/api/studio/courses/${course.id}`, {
        description: { vi: 'Học **miễn phí** tại nhà văn hoá xã.\n\n<img src=x onerror=alert(1)>' },
      });
      await as(owner, 'POST', `/api/studio/courses/${course.id}/publish`);
      const page = (await t.app.inject({ method: 'GET', url: `/api/catalogue/${course.slug}` })).json();
      expect(page.description.vi).toContain('**miễn phí**');
      expect(page.descriptionHtml.vi).toContain('<strong>miễn phí</strong>');
      // Raw HTML is never rendered as markup: it shows as text.
      expect(page.descriptionHtml.vi).not.toContain('<img');
    });

    it('takes a cover image, checks it, serves it publicly and shows it in the catalogue once published', async () => {
      const course = await aCourse(t, owner, { title: 'Khoá có ảnh bìa', publish: false });
      const put = (user: SignedInUser, image: Buffer | string) =>
        as(user, 'PUT', `/api/studio/courses/${course.id}/cover`, {
          image: Buffer.isBuffer(image) ? image.toString('base64') : image,
        });
      for (const bad of [solidPng(100, 100), Buffer.from('không phải ảnh'), 'not base64 at all!']) {
        const refused = await put(owner, bad);
        expect(refused.statusCode).toBe(422);
        expect(refused.json().error.code).toBe(ErrorCode.CoverInvalid);
      }
      expect((await put(otherTeacher, solidPng(640, 360))).json().error.code).toBe(ErrorCode.NotCourseEditor);

      const saved = await put(owner, solidPng(640, 360));
      expect(saved.statusCode).toBe(200);
      const url: string = saved.json().coverUrl;
      expect(url).toMatch(new RegExp(`^/api/media/public/covers/${course.id}/[0-9a-f]{16}\\.png$`));
      const image = await t.app.inject({ method: 'GET', url });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['cache-control']).toContain('immutable');
      // Only covers are public; other keys still need a signed URL.
      const other = await t.app.inject({
        method: 'GET',
        url: `/api/media/public/sources/${course.id}/source`,
      });
      expect(other.json().error.code).toBe(ErrorCode.MediaTokenInvalid);

      await as(owner, 'POST', `/api/studio/courses/${course.id}/publish`);
      const page = (await t.app.inject({ method: 'GET', url: `/api/catalogue/${course.slug}` })).json();
      expect(page.coverUrl).toBe(url);
      const search = (await t.app.inject({ method: 'GET', url: '/api/catalogue?q=khoa co anh bia' })).json();
      expect(search.items.find((item: { id: string }) => item.id === course.id)?.coverUrl).toBe(url);
    });

    it('archives a course: out of the catalogue, no new enrolments, enrolled learners keep reading', async () => {
      const course = await aCourse(t, owner);
      await as(learner, 'POST', `/api/courses/${course.id}/enrolment`);
      const draft = await aCourse(t, owner, { publish: false });
      expect((await as(owner, 'POST', `/api/studio/courses/${draft.id}/archive`)).json().error.code).toBe(
        ErrorCode.CourseNotOpen,
      );
      expect((await as(otherTeacher, 'POST', `/api/studio/courses/${course.id}/archive`)).statusCode).toBe(
        403,
      );

      const archived = await as(owner, 'POST', `/api/studio/courses/${course.id}/archive`);
      expect(archived.statusCode).toBe(200);
      expect(archived.json().status).toBe('archived');
      expect((await t.app.inject({ method: 'GET', url: `/api/catalogue/${course.slug}` })).statusCode).toBe(
        404,
      );
      const newcomer = await aSignedInUser(t, Role.Learner);
      expect((await as(newcomer, 'POST', `/api/courses/${course.id}/enrolment`)).json().error.code).toBe(
        ErrorCode.CourseNotOpen,
      );
      expect((await as(learner, 'GET', `/api/learn/${course.id}`)).statusCode).toBe(200);

      // Publishing again brings it back.
      expect((await as(owner, 'POST', `/api/studio/courses/${course.id}/publish`)).json().status).toBe(
        'published',
      );
      expect((await t.app.inject({ method: 'GET', url: `/api/catalogue/${course.slug}` })).statusCode).toBe(
        200,
      );
    });
  });
});

interface BuiltSection {
  id: string;
  lessons: { id: string }[];
}
