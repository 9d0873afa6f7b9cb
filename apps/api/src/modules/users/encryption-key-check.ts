import { assertKeysReadDatabase, FieldCipher } from '@hocvu/server-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The API stops at start-up when its DATA_ENCRYPTION_KEYS cannot read the database (see server-kit). */
@Injectable()
export class EncryptionKeyCheck implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return assertKeysReadDatabase(this.dataSource, this.cipher);
  }
}
