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
export async function aProvinceWithCommunes(t: TestApp): Promise<{ communeA: string; communeB: string }> {
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
  return { communeA: find(String(base)), communeB: find(String(base + 1)) };
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
