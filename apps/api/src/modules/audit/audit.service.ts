import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';

import { AuditLogEntry } from './audit-log-entry.entity';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntry) private readonly entries: Repository<AuditLogEntry>) {}

  /** Records an event; pass the transaction's manager so the entry commits with the change it describes. */
  async record(event: AuditEvent, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditLogEntry) : this.entries;
    const entry = repository.create({
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: event.details ?? {},
      requestId: event.requestId ?? null,
    });
    await repository.save(entry);
  }

  async list(page: number, pageSize: number): Promise<{ items: AuditRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.entries.query<AuditRow[]>(
        `SELECT a.id, a.actor_id AS "actorId", u.full_name AS "actorName", a.action, a.target_type AS "targetType",
                a.target_id AS "targetId", a.details, a.created_at AS "createdAt"
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
          ORDER BY a.created_at DESC, a.id DESC
          LIMIT $1 OFFSET $2`,
        [pageSize, (page - 1) * pageSize],
      ),
      this.entries.count(),
    ]);
    return { items: rows, total };
  }
}

export interface AuditRow {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}
