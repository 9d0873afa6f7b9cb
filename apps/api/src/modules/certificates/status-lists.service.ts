import { ErrorCode } from '@hocvu/contracts';
import { certificateUrls } from '@hocvu/contracts';
import { createStatusListCredential, type StatusListCredential } from '@hocvu/credentials';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AppError } from '../../common/errors/app-error';
import { ApiConfig } from '../../config/api-config';
import { API_ISSUER, ApiIssuer, configuredIssuer } from './api-issuer.provider';

/**
 * The Bitstring Status Lists (revocation) the API serves. The newest signed list is stored per list;
 * a revocation re-signs its list in the revoking transaction (the row lock orders revocations of one
 * list), and a list nobody revoked anything in yet is signed on its first request.
 */
@Injectable()
export class StatusListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ApiConfig,
    @Inject(API_ISSUER) private readonly issuer: ApiIssuer,
  ) {}

  async get(list: number): Promise<StatusListCredential> {
    const stored = await this.dataSource.query<{ credential: StatusListCredential }[]>(
      `SELECT credential FROM status_lists WHERE id = $1`,
      [list],
    );
    if (stored[0]) return stored[0].credential;
    const [{ used }] = await this.dataSource.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM certificates WHERE status_list = $1) AS used`,
      [list],
    );
    // List 1 exists from the start, so the address in the first certificate works before any issuance.
    if (!used && list !== 1) {
      throw new AppError(ErrorCode.NotFound, 404, `There is no status list ${list}`);
    }
    return this.dataSource.transaction((manager) => this.resign(manager, list));
  }

  /** Signs `list` anew from the revocations visible to `manager`'s transaction and stores it. */
  async resign(manager: EntityManager, list: number): Promise<StatusListCredential> {
    const issuer = configuredIssuer(this.issuer);
    await manager.query(
      `INSERT INTO status_lists (id, credential) VALUES ($1, '{}'::jsonb) ON CONFLICT (id) DO NOTHING`,
      [list],
    );
    await manager.query(`SELECT id FROM status_lists WHERE id = $1 FOR UPDATE`, [list]);
    const revoked = await manager.query<{ index: number }[]>(
      `SELECT status_index AS index FROM certificates WHERE status_list = $1 AND revoked_at IS NOT NULL`,
      [list],
    );
    const credential = await createStatusListCredential(
      {
        id: certificateUrls.statusList(this.config.PUBLIC_URL, list),
        issuer: issuer.did,
        revokedIndexes: revoked.map((row) => row.index),
      },
      issuer.key,
    );
    await manager.query(
      `UPDATE status_lists SET credential = $2, revoked_count = $3, updated_at = now() WHERE id = $1`,
      [list, JSON.stringify(credential), revoked.length],
    );
    return credential;
  }
}
