import { generateAttestationKeyPair, HttpAttestationAdapter } from '@hocvu/attestation';
import { startVneidSimulatorProcess, VNEID_TEST_CITIZENS } from '@hocvu/attestation/testing';

// main.ts as npm start and other apps' tests run it: its own process, configured by environment only.
describe('VNeID simulator process (main.ts)', () => {
  it('starts from the environment, serves both APIs and stops cleanly on SIGTERM', async () => {
    const hocvu = await generateAttestationKeyPair();
    const sim = await startVneidSimulatorProcess({
      env: {
        VNEID_SIM_TRUSTED_JWKS: JSON.stringify({ keys: [hocvu.publicJwk] }),
        VNEID_SIM_ADMIN_TOKEN: 'process-test-token',
        VNEID_SIM_FAULT_SEED: '99',
      },
    });
    try {
      const discovery = (await (await fetch(`${sim.url}/.well-known/openid-configuration`)).json()) as {
        issuer: string;
      };
      expect(discovery.issuer).toBe(sim.url);

      const [citizen] = VNEID_TEST_CITIZENS;
      if (!citizen) throw new Error('no test citizen');
      const adapter = new HttpAttestationAdapter({ baseUrl: sim.url, signingKey: hocvu.privateJwk });
      const outcome = await adapter.submit(
        {
          citizenId: citizen.citizenId,
          fullName: citizen.fullName,
          birthDate: citizen.birthDate,
          courseCode: 'BDHVS-VNEID-01',
          courseTitle: 'Cài đặt và sử dụng ứng dụng VNeID',
          completedAt: '2026-10-10T09:30:00+07:00',
          certificateSerial: 'DB-2026-900001',
          issuer: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
        },
        'certificate:process-1',
      );
      expect(outcome.status).toBe('accepted');

      const faults = await fetch(`${sim.url}/admin/faults`, { headers: { 'x-admin-token': sim.adminToken } });
      expect(await faults.json()).toMatchObject({ seed: 99, errorRate: 0, maintenanceActive: false });
    } finally {
      await sim.stop();
    }
    expect(sim.child.exitCode).toBe(0);
  });

  it('refuses to start on invalid configuration, naming the variable', async () => {
    await expect(
      startVneidSimulatorProcess({ env: { VNEID_SIM_ERROR_RATE: '2', VNEID_SIM_TRUSTED_JWKS: 'nope' } }),
    ).rejects.toThrow(/VNEID_SIM_ERROR_RATE=2/);
  });
});
