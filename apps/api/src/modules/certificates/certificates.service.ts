import { CertificatePdfRenderer } from '@hocvu/certificate-pdf';
import {
  AttestationState,
  CERTIFICATE_SERIAL_PATTERN,
  CertificateKind,
  ErrorCode,
  maskLearnerName,
} from '@hocvu/contracts';
import {
  type CertificateCredential,
  type StatusListCredential,
  verifyCertificateCredential,
} from '@hocvu/credentials';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { ApiConfig } from '../../config/api-config';
import { OBJECT_STORAGE, ObjectStorage } from '../../storage/storage.module';
import { AuditService } from '../audit/audit.service';
import { API_ISSUER, ApiIssuer, configuredIssuer } from './api-issuer.provider';
import {
  AdminCertificateDto,
  AdminCertificatePageDto,
  AdminCertificateQueryDto,
  CertificateDto,
  CredentialVerificationDto,
  PublicCertificateDto,
} from './dto/certificate.dto';
import { StatusListsService } from './status-lists.service';

interface CertificateRow {
  id: string;
  serial: string;
  kind: CertificateKind;
  userId: string;
  learnerName: string;
  title: string;
  courseId: string | null;
  completedAt: Date;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  revokedByName: string | null;
  issuerName: string;
  issuerDid: string;
  verificationUrl: string;
  statusList: number;
  attestationState: AttestationState | null;
  attestationSentAt: Date | null;
  attestationDecidedAt: Date | null;
  rejectionReason: string | null;
}

const SELECT_CERTIFICATE = `
  SELECT c.id, c.serial, c.kind, c.user_id AS "userId", c.learner_name AS "learnerName", c.title,
         c.course_id AS "courseId", c.completed_at AS "completedAt", c.issued_at AS "issuedAt",
         c.revoked_at AS "revokedAt", c.revoked_reason AS "revokedReason", rb.full_name AS "revokedByName",
         c.credential->'issuer'->>'name' AS "issuerName", c.credential->'issuer'->>'id' AS "issuerDid",
         c.credential->>'id' AS "verificationUrl", c.status_list AS "statusList",
         a.state AS "attestationState", a.sent_at AS "attestationSentAt", a.decided_at AS "attestationDecidedAt",
         a.rejection_reason AS "rejectionReason"
    FROM certificates c
    LEFT JOIN certificate_attestations a ON a.certificate_id = c.id
    LEFT JOIN users rb ON rb.id = c.revoked_by`;

/** Where a rendered PDF is cached: rendered once per certificate, on its first download. */
const pdfKey = (serial: string) => `certificates/${serial}.pdf`;

/**
 * Certificates for their holders (list, details, PDF, credential JSON), for anyone (the verification
 * page, verifying an uploaded credential) and for admins (search, revoke). Issuing is the worker's.
 */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger(CertificatesService.name);
  /** Parses the Noto fonts once per process (pdfkit + fontkit), on the first PDF asked for. */
  private renderer: CertificatePdfRenderer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ApiConfig,
    private readonly statusLists: StatusListsService,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(API_ISSUER) private readonly issuer: ApiIssuer,
  ) {}

  async listMine(userId: string): Promise<CertificateDto[]> {
    const rows = await this.dataSource.query<CertificateRow[]>(
      `${SELECT_CERTIFICATE} WHERE c.user_id = $1 ORDER BY c.issued_at DESC`,
      [userId],
    );
    return rows.map((row) => this.toDto(row));
  }

  async getMine(serial: string, user: AuthUser): Promise<CertificateDto> {
    return this.toDto(await this.ownRow(serial, user));
  }

  async credentialOf(serial: string, user: AuthUser): Promise<CertificateCredential> {
    const row = await this.ownRow(serial, user);
    const [{ credential }] = await this.dataSource.query<{ credential: CertificateCredential }[]>(
      `SELECT credential FROM certificates WHERE id = $1`,
      [row.id],
    );
    return credential;
  }

  /** The certificate as a PDF: from the cache, or rendered from the stored certificate and cached. */
  async pdfOf(serial: string, user: AuthUser): Promise<Buffer> {
    const row = await this.ownRow(serial, user);
    const key = pdfKey(row.serial);
    if (await this.storage.stat(key)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.storage.read(key)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
    this.renderer ??= new CertificatePdfRenderer();
    const pdf = await this.renderer.render({
      serial: row.serial,
      learnerName: row.learnerName,
      courseTitle: row.title,
      completedOn: new Date(row.completedAt),
      issuerName: row.issuerName,
      issuerPlace: this.config.CERTIFICATE_PLACE,
      verificationUrl: row.verificationUrl,
      language: 'vi',
      kind: row.kind,
    });
    // Rendering is reproducible, so two first downloads racing write the same bytes.
    await this.storage.write(key, pdf, 'application/pdf');
    return pdf;
  }

  async publicView(serial: string): Promise<PublicCertificateDto> {
    if (!CERTIFICATE_SERIAL_PATTERN.test(serial)) throw notFound(serial);
    const [row] = await this.dataSource.query<CertificateRow[]>(`${SELECT_CERTIFICATE} WHERE c.serial = $1`, [
      serial,
    ]);
    if (!row) throw notFound(serial);
    return this.toPublic(row);
  }

  /**
   * Verifies an uploaded credential: signature against our DID document, revocation against our status
   * list, and — when it is authentic — the certificate it is, from our records. An edited credential
   * fails on its signature; the problems say why.
   */
  async verifyUpload(credential: Record<string, unknown>): Promise<CredentialVerificationDto> {
    const issuer = configuredIssuer(this.issuer);
    const lists = new Map<string, StatusListCredential | undefined>();
    const result = await verifyCertificateCredential(credential, {
      resolveDidDocument: (did) => (did === issuer.did ? issuer.document : undefined),
      fetchStatusList: async (url) => {
        if (!lists.has(url)) lists.set(url, await this.ownStatusList(url));
        return lists.get(url);
      },
    });
    let certificate: PublicCertificateDto | null = null;
    if (result.status !== 'invalid' && result.credential) {
      const serial = result.credential.credentialSubject.licenseNumber;
      const [row] = await this.dataSource.query<CertificateRow[]>(
        `${SELECT_CERTIFICATE} WHERE c.serial = $1`,
        [serial],
      );
      if (row) certificate = this.toPublic(row);
    }
    return {
      status: result.status,
      problems: result.problems.map(({ code, message }) => ({ code, message })),
      certificate,
    };
  }

  async search(query: AdminCertificateQueryDto): Promise<AdminCertificatePageDto> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.q) {
      params.push(query.q.toUpperCase(), `%${query.q.normalize('NFC')}%`, query.q);
      conditions.push(
        `(c.serial = $${params.length - 2} OR c.learner_name ILIKE $${params.length - 1} OR c.user_id IN (SELECT id FROM users WHERE phone = $${params.length}))`,
      );
    }
    if (query.status === 'revoked') conditions.push('c.revoked_at IS NOT NULL');
    if (query.status === 'valid') conditions.push('c.revoked_at IS NULL');
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<CertificateRow[]>(
        `${SELECT_CERTIFICATE} ${where} ORDER BY c.issued_at DESC, c.serial DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM certificates c ${where}`,
        params,
      ),
    ]);
    return {
      items: rows.map((row) => this.toAdmin(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Revokes a certificate with a reason: the row, its status list (re-signed) and the audit entry
   * commit together, so the list a verifier downloads next already has the bit set.
   */
  async revoke(
    serial: string,
    reason: string,
    actor: AuthUser,
    context: { requestId: string },
  ): Promise<AdminCertificateDto> {
    configuredIssuer(this.issuer);
    if (!CERTIFICATE_SERIAL_PATTERN.test(serial)) throw notFound(serial);
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string; revokedAt: Date | null; statusList: number }[]>(
        `SELECT id, revoked_at AS "revokedAt", status_list AS "statusList" FROM certificates WHERE serial = $1 FOR UPDATE`,
        [serial],
      );
      if (!row) throw notFound(serial);
      if (row.revokedAt) {
        throw new AppError(
          ErrorCode.CertificateAlreadyRevoked,
          409,
          `Certificate ${serial} is already revoked`,
        );
      }
      await manager.query(
        `UPDATE certificates SET revoked_at = now(), revoked_by = $2, revoked_reason = $3 WHERE id = $1`,
        [row.id, actor.id, reason.normalize('NFC')],
      );
      await this.statusLists.resign(manager, row.statusList);
      // Not yet sent to VNeID (and not being sent right now): it never will be. Once sent it cannot be
      // withdrawn — the attestation contract has no withdrawal.
      await manager.query(
        `UPDATE certificate_attestations
            SET state = 'failed', last_error = 'Revoked before it was sent to VNeID: not sent', decided_at = now()
          WHERE certificate_id = $1 AND state = 'pending' AND (lease_until IS NULL OR lease_until < now())`,
        [row.id],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'certificate.revoke',
          targetType: 'certificate',
          targetId: row.id,
          details: { serial, reason },
          requestId: context.requestId,
        },
        manager,
      );
    });
    this.logger.log(`Certificate ${serial} revoked`);
    const [row] = await this.dataSource.query<CertificateRow[]>(`${SELECT_CERTIFICATE} WHERE c.serial = $1`, [
      serial,
    ]);
    return this.toAdmin(row);
  }

  private async ownRow(serial: string, user: AuthUser): Promise<CertificateRow> {
    if (!CERTIFICATE_SERIAL_PATTERN.test(serial)) throw notFound(serial);
    const [row] = await this.dataSource.query<CertificateRow[]>(
      `${SELECT_CERTIFICATE} WHERE c.serial = $1 AND c.user_id = $2`,
      [serial, user.id],
    );
    // Someone else's certificate answers as missing: serials are guessable, holders' files are not.
    if (!row) throw notFound(serial);
    return row;
  }

  /** Only lists at our own address are ours to answer for; anything else is unavailable. */
  private async ownStatusList(url: string): Promise<StatusListCredential | undefined> {
    const prefix = `${this.config.PUBLIC_URL}/api/credentials/status/`;
    if (!url.startsWith(prefix)) return undefined;
    const list = Number(url.slice(prefix.length));
    if (!Number.isSafeInteger(list) || list < 1) return undefined;
    try {
      return await this.statusLists.get(list);
    } catch {
      return undefined;
    }
  }

  private toDto(row: CertificateRow): CertificateDto {
    return {
      id: row.id,
      serial: row.serial,
      kind: row.kind,
      learnerName: row.learnerName,
      title: row.title,
      courseId: row.courseId,
      completedAt: iso(row.completedAt),
      issuedAt: iso(row.issuedAt),
      issuerName: row.issuerName,
      verificationUrl: row.verificationUrl,
      status: row.revokedAt ? 'revoked' : 'valid',
      revokedAt: row.revokedAt ? iso(row.revokedAt) : null,
      revokedReason: row.revokedReason,
      attestation: row.attestationState
        ? {
            state: row.attestationState,
            sentAt: row.attestationSentAt ? iso(row.attestationSentAt) : null,
            decidedAt: row.attestationDecidedAt ? iso(row.attestationDecidedAt) : null,
            rejectionReason: row.rejectionReason,
          }
        : null,
    };
  }

  private toAdmin(row: CertificateRow): AdminCertificateDto {
    return { ...this.toDto(row), userId: row.userId, revokedByName: row.revokedByName };
  }

  private toPublic(row: CertificateRow): PublicCertificateDto {
    return {
      serial: row.serial,
      kind: row.kind,
      learnerNameMasked: maskLearnerName(row.learnerName),
      title: row.title,
      completedAt: iso(row.completedAt),
      issuedAt: iso(row.issuedAt),
      issuerName: row.issuerName,
      issuerDid: row.issuerDid,
      status: row.revokedAt ? 'revoked' : 'valid',
      revokedAt: row.revokedAt ? iso(row.revokedAt) : null,
      revokedReason: row.revokedReason,
      confirmedOnVneid: row.attestationState === AttestationState.Confirmed,
    };
  }
}

function notFound(serial: string): AppError {
  return new AppError(
    ErrorCode.CertificateNotFound,
    404,
    `No certificate with serial ${serial.slice(0, 40)}`,
  );
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
