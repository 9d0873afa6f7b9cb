/** Ports of the stack the end-to-end run starts (overridable so two runs can coexist). */
export const E2E_API_PORT = Number(process.env['E2E_API_PORT'] ?? 3310);
export const E2E_PORTAL_PORT = Number(process.env['E2E_PORTAL_PORT'] ?? 8310);
export const E2E_PORTAL_URL = `http://127.0.0.1:${E2E_PORTAL_PORT}`;
export const E2E_API_URL = `http://127.0.0.1:${E2E_API_PORT}`;

/** Demo accounts created by the seed (apps/api/src/seed/demo-seed.ts). */
export const DEMO = {
  provinceAdmin: { phone: '0911000001', password: 'hocvu2026', name: 'Nguyễn Thị Thu Hà' },
  learner: { phone: '0911000004', password: 'hocvu2026', name: 'Quàng Văn Hùng' },
};
