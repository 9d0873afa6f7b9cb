import { ErrorCode, LocalizedText } from '@hocvu/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { AppError } from '../../common/errors/app-error';
import { ContentLanguage } from './content-language.entity';

@Injectable()
export class LanguagesService {
  constructor(@InjectRepository(ContentLanguage) private readonly languages: Repository<ContentLanguage>) {}

  list(): Promise<ContentLanguage[]> {
    return this.languages.find({ order: { code: 'ASC' } });
  }

  /** Throws UNKNOWN_LANGUAGE listing every code that is not an enabled content language. */
  async assertKnown(codes: Iterable<string>): Promise<void> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return;
    const enabled = new Set(
      (await this.languages.findBy({ enabled: true })).map((language) => language.code),
    );
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
