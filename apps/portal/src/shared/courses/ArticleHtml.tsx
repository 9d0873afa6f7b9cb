import './course-ui.css';

/**
 * A lesson's article as the API rendered it. The HTML is produced from Markdown with raw HTML escaped
 * and then sanitised with an allow-list on the server (apps/api …/article-renderer.ts); the portal
 * shows nothing else this way.
 */
export function ArticleHtml({ html, lang, id }: { html: string; lang: string; id?: string }) {
  return <div id={id} className="prose" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
