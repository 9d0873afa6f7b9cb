import { assertKeysReadDatabase, FieldCipher } from '@hocvu/server-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The worker decrypts citizen ids and birth dates for VNeID: started with other DATA_ENCRYPTION_KEYS than
 * the API wrote them with, it stops at start-up with the fix instead of dead-lettering every attestation.
 */
@Injectable()
export class WorkerEncryptionKeyCheck implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return assertKeysReadDatabase(this.dataSource, this.cipher);
  }
}
