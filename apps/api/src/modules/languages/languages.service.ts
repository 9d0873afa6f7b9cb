import { ErrorCode, LocalizedText } from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ContentLanguage } from './content-language.entity';

@Injectable()
export class LanguagesService {
  constructor(
    @InjectRepository(ContentLanguage) private readonly languages: Repository<ContentLanguage>,
    private readonly audit: AuditService,
  ) {}

  async create(
    code: string,
    name: string,
    actor: AuthUser,
    requestId: string | null,
  ): Promise<ContentLanguage> {
    if (await this.languages.existsBy({ code })) {
      throw new AppError(ErrorCode.LanguageExists, HttpStatus.CONFLICT, `Language ${code} already exists`);
    }
    const language = await this.languages.save(this.languages.create({ code, name, enabled: true }));
    await this.audit.record({
      actorId: actor.id,
      action: 'language.create',
      targetType: 'language',
      targetId: code,
      requestId,
    });
    return language;
  }

  async update(
    code: string,
    changes: { name?: string; enabled?: boolean },
    actor: AuthUser,
    requestId: string | null,
  ): Promise<ContentLanguage> {
    const language = await this.languages.findOneBy({ code });
    if (!language) throw AppError.notFound(ErrorCode.NotFound, `No language ${code}`);
    if (code === 'vi' && changes.enabled === false) {
      throw AppError.validation([
        { field: 'enabled', rules: ['vietnameseRequired'], message: 'Vietnamese cannot be disabled' },
      ]);
    }
    Object.assign(language, changes);
    await this.languages.save(language);
    await this.audit.record({
      actorId: actor.id,
      action: 'language.update',
      targetType: 'language',
      targetId: code,
      details: { ...changes },
      requestId,
    });
    return language;
  }

  list(): Promise<ContentLanguage[]> {
    return this.languages.find({ order: { code: 'ASC' } });
  }

  /** Codes of the enabled content languages. */
  async enabledCodes(): Promise<Set<string>> {
    return new Set((await this.languages.findBy({ enabled: true })).map((language) => language.code));
  }

  /** Throws UNKNOWN_LANGUAGE listing every code that is not an enabled content language. */
  async assertKnown(codes: Iterable<string>): Promise<void> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return;
    const enabled = await this.enabledCodes();
    const unknown = wanted.filter((code) => !enabled.has(code));
    if (unknown.length > 0) {
      throw new AppError(
        ErrorCode.UnknownLanguage,
        HttpStatus.BAD_REQUEST,
        `Unknown language: ${unknown.join(', ')}`,
        {
          languages: unknown,
        },
      );
    }
  }

  /** The language codes used as keys of these texts. */
  static codesOf(...texts: (LocalizedText | undefined)[]): string[] {
    return texts.flatMap((text) => (text ? Object.keys(text) : []));
  }
}
