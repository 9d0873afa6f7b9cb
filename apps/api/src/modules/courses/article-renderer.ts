import { LocalizedText } from '@hocvu/contracts';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in Markdown is escaped, and the rendered HTML is sanitised again with an allow-list, so
// no script, event handler or javascript: URL can reach a learner's page.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'img',
    'blockquote',
    'code',
    'pre',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'loading', 'decoding'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  transformTags: {
    // Headings start at h2: the lesson title is the page's h1.
    h1: 'h2',
    // Images load only when scrolled to, which matters on 3G.
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
  },
};

export function renderArticle(markdownText: string): string {
  return sanitizeHtml(markdown.render(markdownText), SANITIZE_OPTIONS);
}

export function renderArticleTexts(body: LocalizedText): LocalizedText {
  return Object.fromEntries(Object.entries(body).map(([language, text]) => [language, renderArticle(text)]));
}
