import { ErrorCode, Role } from '@hocvu/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

const DIEN_BIEN_CSV = readFileSync(join(__dirname, '../../../seed-data/dien-bien-communes.csv'), 'utf8');

describe('administrative units (integration)', () => {
  let t: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await aSignedInUser(t, Role.ProvinceAdmin);
  });
  afterAll(() => t.close());

  const importCsv = (csv: string, provinceCode = '11') =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin-units/import',
      headers: admin.auth,
      payload: { provinceCode, provinceName: 'Điện Biên', csv },
    });

  it('imports the 45 Điện Biên communes and wards, idempotently, and lists them publicly', async () => {
    const first = await importCsv(DIEN_BIEN_CSV);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 45, updated: 0 });
    expect((await importCsv(DIEN_BIEN_CSV)).json()).toEqual({ created: 0, updated: 45 });

    const provinces = (await t.app.inject({ method: 'GET', url: '/api/admin-units?kind=province' })).json();
    const dienBien = provinces.find((unit: { code: string }) => unit.code === '11');
    expect(dienBien.name).toBe('Điện Biên');
    const list = async (kind: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/admin-units?kind=${kind}&parentId=${dienBien.id}` })
      ).json();
    const wards = await list('ward');
    expect(wards.map((unit: { name: string }) => unit.name)).toEqual([
      'Điện Biên Phủ',
      'Mường Lay',
      'Mường Thanh',
    ]);
    const communes = await list('commune');
    expect(communes).toHaveLength(42);
    expect(communes).toContainEqual(
      expect.objectContaining({ code: '03160', name: 'Mường Nhé', population: 24294 }),
    );
    // Units with no known population stay empty rather than guessed.
    expect(communes.find((unit: { name: string }) => unit.name === 'Nà Hỳ').population).toBeNull();

    const [audit] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'admin_unit.import' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.details).toEqual({ created: 0, updated: 45 });
  });

  it('rejects a file with bad rows, lists every bad line and writes nothing', async () => {
    const before = Number((await t.db.query('SELECT count(*) AS n FROM admin_units'))[0].n);
    const csv = [
      'seq,name,kind,area_km2,population,merged_from,code',
      '1,Xã Tốt,xa,10.5,1000,,77001',
      '2,,xa,10,1000,,77002',
      '3,Xã Sai Mã,xa,10,1000,,3161',
      '4,Xã Dân Số,huyen,10,nhiều,,77004',
    ].join('\n');
    const response = await importCsv(csv, '77');
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe(ErrorCode.ImportInvalid);
    expect(error.details.map((row: { line: number }) => row.line)).toEqual([3, 4, 5]);
    expect(error.details[2].message).toMatch(/kind "huyen".*population "nhiều"/);
    expect(Number((await t.db.query('SELECT count(*) AS n FROM admin_units'))[0].n)).toBe(before);
  });

  it('rejects a file without the required columns and a malformed province code', async () => {
    const noHeader = await importCsv('a,b\n1,2');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.details[0].message).toMatch(/missing: name, kind, code/);
    expect((await importCsv(DIEN_BIEN_CSV, 'DB')).statusCode).toBe(400);
  });
});
