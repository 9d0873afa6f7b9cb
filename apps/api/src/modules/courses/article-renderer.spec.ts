import { renderArticle } from './article-renderer';

describe('renderArticle', () => {
  it('renders Markdown with Vietnamese text', () => {
    const html = renderArticle('# Cài đặt VNeID\n\nMở **CH Play**, tìm “VNeID”.\n\n- Bước 1\n- Bước 2');
    expect(html).toContain('<h2>Cài đặt VNeID</h2>');
    expect(html).toContain('<strong>CH Play</strong>');
    expect(html).toContain('<li>Bước 1</li>');
  });

  // Dangerous markup may survive as visible, escaped text; it must never become a tag or attribute.
  const ACTIVE_MARKUP =
    /<(script|iframe|object|embed|style)|<[^>]*\s(on\w+\s*=|href\s*=\s*"\s*javascript:|src\s*=\s*"\s*javascript:)/i;

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '[bấm vào đây](javascript:alert(1))',
    '<iframe src="https://evil.example"></iframe>',
    '![ảnh](https://x.example/a.png "t")<div onclick="x()">',
    '<a href="javascript:alert(1)">x</a>',
    '![x](javascript:alert(1))',
  ])('never turns %p into active markup', (input) => {
    expect(renderArticle(input)).not.toMatch(ACTIVE_MARKUP);
  });

  it('recognises active markup when it is there (the check itself can fail)', () => {
    expect('<img src="x" onerror="a()">').toMatch(ACTIVE_MARKUP);
    expect('<a href="javascript:x">').toMatch(ACTIVE_MARKUP);
  });

  it('lazy-loads images and opens links safely', () => {
    const html = renderArticle(
      '![Màn hình VNeID](https://cdn.example.vn/vneid.png)\n\n[Cổng DVC](https://dichvucong.gov.vn)',
    );
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('rel="noopener noreferrer"');
  });
});
