import { Role } from '@hocvu/contracts';
import { randomInt } from 'node:crypto';

import { AdminUnitsService } from '../src/modules/admin-units/admin-units.service';
import { UsersService } from '../src/modules/users/users.service';
import { TestApp, uniquePhone } from './test-app';

export const TEST_PASSWORD = 'matkhau2026';

export interface SignedInUser {
  id: string;
  phone: string;
  role: Role;
  communeId: string | null;
  accessToken: string;
  refreshCookie: string;
  auth: { authorization: string };
}

/** Two communes of a made-up province with a unique code, so every spec file has its own units. */
export async function aProvinceWithCommunes(
  t: TestApp,
): Promise<{ provinceId: string; communeA: string; communeB: string }> {
  const provinceCode = String(randomInt(20, 99));
  const base = randomInt(10000, 90000);
  const csv = [
    'seq,name,kind,area_km2,population,merged_from,code',
    `1,Mường Phăng ${base},xa,201.5,12000,,${base}`,
    `2,Him Lam ${base},phuong,12.3,30000,,${base + 1}`,
  ].join('\n');
  await t.app.get(AdminUnitsService).importCsv(provinceCode, `Tỉnh thử ${provinceCode}`, csv);
  const units = await t.app.get(AdminUnitsService).list({});
  const find = (code: string) => units.find((unit) => unit.code === code)?.id as string;
  const communeA = find(String(base));
  const [{ provinceId }] = await t.db.query<{ provinceId: string }[]>(
    `SELECT parent_id AS "provinceId" FROM admin_units WHERE id = $1`,
    [communeA],
  );
  return { provinceId, communeA, communeB: find(String(base + 1)) };
}

/** Creates an account of any role directly (as the seed does) and signs it in over HTTP. */
export async function aSignedInUser(
  t: TestApp,
  role: Role,
  communeId: string | null = null,
): Promise<SignedInUser> {
  const phone = uniquePhone();
  const user = await t.app.get(UsersService).createAccountAs(
    {
      fullName: `Người thử ${role}`,
      phone: `+84${phone.slice(1)}`,
      password: TEST_PASSWORD,
      communeId: communeId ?? undefined,
    },
    role,
    null,
  );
  return signIn(t, phone, TEST_PASSWORD, { id: user.id, role, communeId });
}

export async function signIn(
  t: TestApp,
  identifier: string,
  password: string,
  known?: { id: string; role: Role; communeId: string | null },
): Promise<SignedInUser> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { identifier, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{
    accessToken: string;
    user: { id: string; role: Role; communeId: string | null };
  }>();
  return {
    id: known?.id ?? body.user.id,
    phone: identifier,
    role: known?.role ?? body.user.role,
    communeId: known?.communeId ?? body.user.communeId,
    accessToken: body.accessToken,
    refreshCookie: refreshCookieOf(response.headers['set-cookie']),
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}

/** The `hocvu_refresh=…` pair from a Set-Cookie header, ready to send back as a Cookie header. */
export function refreshCookieOf(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((value) => value.startsWith('hocvu_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
}

export interface BuiltCourse {
  id: string;
  slug: string;
  sections: { id: string; lessons: { id: string }[] }[];
}

/**
 * A course authored through the studio API: `sections` lists how many article lessons each section
 * gets. Lesson bodies are short Vietnamese Markdown.
 */
export async function aCourse(
  t: TestApp,
  author: SignedInUser,
  options: {
    title?: string;
    summary?: string;
    sections?: number[];
    sequential?: boolean;
    publish?: boolean;
  } = {},
): Promise<BuiltCourse> {
  const call = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const response = await t.app.inject({ method, url, headers: author.auth, payload });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<{
      id: string;
      slug: string;
      sections: { id: string; lessons: { id: string }[] }[];
    }>();
  };
  let course = await call('POST', '/api/studio/courses', {
    title: { vi: options.title ?? `Khoá học thử ${randomInt(1_000_000)}` },
    summary: { vi: options.summary ?? 'Khoá học dùng trong kiểm thử' },
    level: 'beginner',
    targetGroups: ['citizen'],
    languages: ['vi'],
    sequential: options.sequential ?? false,
  });
  for (const [sectionIndex, lessonCount] of (options.sections ?? [1]).entries()) {
    course = await call('POST', `/api/studio/courses/${course.id}/sections`, {
      title: { vi: `Phần ${sectionIndex + 1}` },
    });
    const section = course.sections[course.sections.length - 1] as { id: string };
    for (let lesson = 0; lesson < lessonCount; lesson += 1) {
      course = await call('POST', `/api/studio/sections/${section.id}/lessons`, {
        kind: 'article',
        title: { vi: `Bài ${sectionIndex + 1}.${lesson + 1}` },
        estimatedMinutes: 5,
      });
      const created = course.sections.find((s) => s.id === section.id)?.lessons.at(-1) as { id: string };
      await call('PATCH', `/api/studio/lessons/${created.id}`, {
        body: { vi: `# Bài ${lesson + 1}\n\nNội dung **bài học**.` },
      });
    }
  }
  if (options.publish ?? true) course = await call('POST', `/api/studio/courses/${course.id}/publish`, {});
  return { id: course.id, slug: course.slug, sections: course.sections };
}
