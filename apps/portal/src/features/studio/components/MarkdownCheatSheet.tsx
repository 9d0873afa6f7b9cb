import { useTranslation } from 'react-i18next';

import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** What to type for the few Markdown forms an article needs; the syntax itself is not translated. */
const ROWS = [
  { id: 'heading', syntax: '## Đăng nhập VNeID' },
  { id: 'bold', syntax: '**quan trọng**' },
  { id: 'italic', syntax: '*lưu ý*' },
  { id: 'list', syntax: '- Mở ứng dụng\n- Chọn “Đăng nhập”' },
  { id: 'numbered', syntax: '1. Mở ứng dụng\n2. Nhập mã PIN' },
  { id: 'link', syntax: '[Cổng dịch vụ công](https://dichvucong.gov.vn)' },
  { id: 'image', syntax: '![Màn hình đăng nhập](https://…/anh.jpg)' },
] as const;

export function MarkdownCheatSheet() {
  const { t } = useTranslation();
  return (
    <details className="disclosure">
      <summary className="disclosure__summary" id="markdown-help">
        {t('studio.markdown.title')}
      </summary>
      <div className="disclosure__body">
        <ScrollTable labelledBy="markdown-help">
          <thead>
            <tr>
              <th scope="col">{t('studio.markdown.result')}</th>
              <th scope="col">{t('studio.markdown.write')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.id}>
                <th scope="row">{t(`studio.markdown.${row.id}`)}</th>
                <td>
                  <pre className="markdown-sample" lang="vi">
                    <code>{row.syntax}</code>
                  </pre>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <p>{t('studio.markdown.paragraph')}</p>
      </div>
    </details>
  );
}
