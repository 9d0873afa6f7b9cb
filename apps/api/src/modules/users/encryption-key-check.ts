import { FieldCipher } from '@hocvu/server-kit';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * At start-up, decrypts the newest encrypted value in the database: an API started with other
 * DATA_ENCRYPTION_KEYS than the data was written with (another checkout's .env, a lost key) stops with
 * a message naming the fix, instead of answering 500 on the first profile it reads.
 */
@Injectable()
export class EncryptionKeyCheck implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await checkEncryptionKeys(this.dataSource, this.cipher);
  }
}

export async function checkEncryptionKeys(dataSource: DataSource, cipher: FieldCipher): Promise<void> {
  const rows = await dataSource.query<{ value: string }[]>(
    `(SELECT birth_date_enc AS value FROM users WHERE birth_date_enc IS NOT NULL ORDER BY created_at DESC LIMIT 1)
     UNION ALL
     (SELECT citizen_id_enc FROM users WHERE citizen_id_enc IS NOT NULL ORDER BY created_at DESC LIMIT 1)`,
  );
  for (const row of rows) cipher.assertDecrypts(row.value);
}
