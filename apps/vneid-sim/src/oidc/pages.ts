import type { Citizen } from '../citizens/citizen-registry';

/**
 * The simulator's few pages, in Vietnamese. Built for the campaign's users — older adults on small
 * phones: 18 px text, 48 px targets, visible focus, every field labelled, errors announced.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}
button,input{font-family:inherit}
body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#f4f5f7}
.sim{margin:0;padding:.5rem 1rem;background:#fff3cd;color:#5c4400;font-size:1rem;text-align:center}
main{max-width:32rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.15);margin-bottom:1rem}
h1{font-size:1.5rem;line-height:1.3;color:#a50e0e;margin:.25rem 0 1rem}
h2{font-size:1.2rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{display:block;width:100%;min-height:48px;font-size:1.1rem;padding:.5rem .75rem;border:2px solid #6b6b6b;border-radius:8px}
.field{margin-bottom:1rem}
.hint{margin:.25rem 0 0;color:#4a4a4a;font-size:1rem}
button{display:block;width:100%;min-height:48px;font-size:1.1rem;font-weight:600;padding:.6rem 1rem;border-radius:8px;border:2px solid #a50e0e;background:#a50e0e;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#a50e0e}
button.citizen{background:#fff;color:#1a1a1a;border-color:#6b6b6b;text-align:left;font-weight:400}
button.citizen strong{display:block;font-size:1.1rem}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.error{border-left:6px solid #a50e0e;background:#fdecea;padding:.75rem 1rem;margin-bottom:1rem}
ul.plain{list-style:none;margin:0;padding:0}
ul.plain li{margin-bottom:.5rem}
ul.claims{margin:.5rem 0 1rem;padding-left:1.25rem}
form.inline{margin-top:.75rem}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — VNeID (mô phỏng)</title>
<style>${STYLE}</style>
</head>
<body>
<p class="sim" role="note">Môi trường mô phỏng VNeID để thử nghiệm — không phải dịch vụ thật của Bộ Công an.</p>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  uid: string;
  clientName: string;
  citizens: Citizen[];
  testPassword: string;
  citizenId?: string;
  error?: string;
}

export function renderLoginPage(input: LoginPageInput): string {
  const action = `/interaction/${encodeURIComponent(input.uid)}`;
  const error = input.error
    ? `<div class="error" role="alert" id="login-error">${escapeHtml(input.error)}</div>`
    : '';
  const described = input.error ? ' aria-describedby="login-error"' : '';
  const quickPicks = input.citizens
    .map(
      (citizen) => `<li><form method="post" action="${action}/login">
<input type="hidden" name="citizenId" value="${escapeHtml(citizen.citizenId)}">
<input type="hidden" name="password" value="${escapeHtml(input.testPassword)}">
<button type="submit" class="citizen"><strong>${escapeHtml(citizen.fullName)}</strong>
Số định danh ${escapeHtml(citizen.citizenId)} · Mức ${citizen.identificationLevel} · ${escapeHtml(citizen.commune)}</button>
</form></li>`,
    )
    .join('\n');
  return page(
    'Đăng nhập',
    `<div class="card">
<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p><strong>${escapeHtml(input.clientName)}</strong> đề nghị bạn đăng nhập bằng VNeID.</p>
${error}
<form method="post" action="${action}/login"${described}>
<div class="field">
<label for="citizenId">Số định danh cá nhân</label>
<input id="citizenId" name="citizenId" inputmode="numeric" autocomplete="username" pattern="[0-9]{12}" maxlength="12" required aria-describedby="citizenId-hint" value="${escapeHtml(input.citizenId ?? '')}">
<p class="hint" id="citizenId-hint">12 chữ số, in trên thẻ căn cước.</p>
</div>
<div class="field">
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby="password-hint">
<p class="hint" id="password-hint">Mật khẩu thử nghiệm của mọi công dân: ${escapeHtml(input.testPassword)}</p>
</div>
<button type="submit">Đăng nhập</button>
</form>
<form method="post" action="${action}/abort" class="inline"><button type="submit" class="secondary">Huỷ và quay lại</button></form>
</div>
<section class="card" aria-labelledby="test-citizens">
<h2 id="test-citizens">Công dân thử nghiệm</h2>
<p>Chọn một người để đăng nhập ngay:</p>
<ul class="plain">
${quickPicks}
</ul>
</section>`,
  );
}

const CLAIM_LABELS: Record<string, string> = {
  sub: 'Mã tài khoản VNeID (không chứa số định danh)',
  name: 'Họ và tên',
  birthdate: 'Ngày sinh',
  gender: 'Giới tính',
  citizen_id: 'Số định danh cá nhân',
  identification_level: 'Mức định danh điện tử (mức 1 hoặc mức 2)',
};

export interface ConsentPageInput {
  uid: string;
  clientName: string;
  citizenName: string;
  claims: string[];
}

export function renderConsentPage(input: ConsentPageInput): string {
  const action = `/interaction/${encodeURIComponent(input.uid)}`;
  const items = input.claims.map((claim) => `<li>${escapeHtml(CLAIM_LABELS[claim] ?? claim)}</li>`).join('');
  return page(
    'Chia sẻ thông tin',
    `<div class="card">
<h1>Chia sẻ thông tin với ${escapeHtml(input.clientName)}?</h1>
<p>Xin chào <strong>${escapeHtml(input.citizenName)}</strong>. <strong>${escapeHtml(input.clientName)}</strong> đề nghị nhận các thông tin sau từ tài khoản định danh điện tử của bạn:</p>
<ul class="claims">${items}</ul>
<form method="post" action="${action}/confirm"><button type="submit">Đồng ý chia sẻ</button></form>
<form method="post" action="${action}/abort" class="inline"><button type="submit" class="secondary">Không đồng ý</button></form>
</div>`,
  );
}

export function renderErrorPage(error: string, description: string): string {
  return page(
    'Có lỗi xảy ra',
    `<div class="card" role="alert">
<h1>Không thể tiếp tục đăng nhập</h1>
<p>Vui lòng quay lại ứng dụng và thử lại.</p>
<p class="hint">Mã lỗi: <code>${escapeHtml(error)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</p>
</div>`,
  );
}
