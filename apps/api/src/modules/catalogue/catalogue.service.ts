import { coverUrl, ErrorCode } from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

import { AppError } from '../../common/errors/app-error';
import { renderArticleTexts } from '../courses/article-renderer';
import { CatalogueCache } from '../courses/catalogue-cache';
import { CatalogueCourseDto, CataloguePageDto, CatalogueQueryDto, CoursePageDto } from './dto/catalogue.dto';
import { PublishedOutline } from './published-outline';

export interface CachedResponse {
  etag: string;
  /** The JSON body, or null when the caller's ETag is still current (answer 304). */
  body: string | null;
}

const CARD_COLUMNS = `course_id AS id, slug, title, summary, level, target_groups AS "targetGroups", languages,
  estimated_minutes AS "estimatedMinutes", lesson_count AS "lessonCount", cover_key AS "coverKey"`;

/**
 * The public catalogue: published courses only, searched through a trigram index over text that is
 * lower-cased and stripped of diacritics (hocvu_search_norm), so "ky nang so", "kĩ năng số" and
 * "Kỹ năng số" find the same courses and small typos still match. Responses are cached per catalogue
 * generation (see CatalogueCache) and carry an ETag.
 */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: CatalogueCache,
  ) {}

  search(query: CatalogueQueryDto, ifNoneMatch: string | undefined): Promise<CachedResponse> {
    const key = `search:${hash(JSON.stringify([query.q ?? '', query.targetGroup, query.language, query.level, query.page, query.pageSize]))}`;
    return this.cached(key, ifNoneMatch, async () => JSON.stringify(await this.runSearch(query)));
  }

  page(slug: string, ifNoneMatch: string | undefined): Promise<CachedResponse> {
    return this.cached(`page:${hash(slug)}`, ifNoneMatch, async () =>
      JSON.stringify(await this.loadPage(slug)),
    );
  }

  private async runSearch(query: CatalogueQueryDto): Promise<CataloguePageDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    let order = 'published_at DESC, course_id';
    if (query.q) {
      const q = param(query.q);
      // <% is "word similarity above the threshold" and uses the GIN trigram index.
      where.push(`hocvu_search_norm(${q}) <% search_document`);
      order = `word_similarity(hocvu_search_norm(${q}), search_document) DESC, published_at DESC, course_id`;
    }
    if (query.targetGroup) where.push(`target_groups @> ARRAY[${param(query.targetGroup)}]::text[]`);
    if (query.language) where.push(`languages @> ARRAY[${param(query.language)}]::text[]`);
    if (query.level) where.push(`level = ${param(query.level)}`);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const rows = await this.dataSource.query<(CardRow & { total: string })[]>(
      `SELECT ${CARD_COLUMNS}, count(*) OVER () AS total FROM course_catalogue ${filter}
        ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return {
      items: rows.map(({ total: _total, ...row }) => toCard(row)),
      total: rows[0] ? Number(rows[0].total) : 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async loadPage(slug: string): Promise<CoursePageDto> {
    const [row] = await this.dataSource.query<(CardRow & { version: number; outline: PublishedOutline })[]>(
      `SELECT ${CARD_COLUMNS.replace(/\b(course_id|slug|title|summary|level|languages)\b/g, 'k.$1')},
              v.version, v.outline
         FROM course_catalogue k JOIN course_versions v ON v.id = k.version_id
        WHERE k.slug = $1`,
      [slug],
    );
    if (!row) throw AppError.notFound(ErrorCode.CourseNotFound, 'No published course has this address');
    const { outline, version, ...card } = row;
    return {
      ...toCard(card),
      version,
      description: outline.description,
      // Markdown like articles, sanitised the same way; rendered once per cached page.
      descriptionHtml: renderArticleTexts(outline.description ?? {}),
      sequential: outline.sequential,
      sections: outline.sections,
    };
  }

  private async cached(
    key: string,
    ifNoneMatch: string | undefined,
    compute: () => Promise<string>,
  ): Promise<CachedResponse> {
    const generation = await this.cache.generation();
    const etag = `W/"c${generation}-${hash(key)}"`;
    if (ifNoneMatch === etag) return { etag, body: null };
    const cacheKey = `${generation}:${key}`;
    const cached = await this.cache.get(cacheKey);
    if (cached !== null) return { etag, body: cached };
    const body = await compute();
    await this.cache.set(cacheKey, body);
    return { etag, body };
  }
}

/** A catalogue row as read: the cover as a storage key, turned into a URL for the card. */
type CardRow = Omit<CatalogueCourseDto, 'coverUrl'> & { coverKey: string | null };

function toCard({ coverKey, ...card }: CardRow): CatalogueCourseDto {
  return { ...card, coverUrl: coverUrl(coverKey) };
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 16);
}
