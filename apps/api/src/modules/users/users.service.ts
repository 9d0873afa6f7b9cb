import {
  ErrorCode,
  maskCitizenId,
  maskPhone,
  Permission,
  Role,
  ROLE_PERMISSIONS,
  UserStatus,
} from '@hocvu/contracts';
import { FieldCipher } from '@hocvu/server-kit';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError, Repository } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { AdminUnit } from '../admin-units/admin-unit.entity';
import { AuditService } from '../audit/audit.service';
import {
  AccountFieldsDto,
  ChangePasswordDto,
  CreateStaffDto,
  InclusionAttributesDto,
  PasswordResetDto,
  UpdateProfileDto,
  UserListQueryDto,
  UserPageDto,
  UserProfileDto,
  UserSummaryDto,
} from './dto/user.dto';
import { PasswordHasher } from './password-hasher.service';
import { User } from './user.entity';

export interface RequestMeta {
  requestId: string | null;
}

@Injectable()
export class UsersService {
  private decoyHash?: Promise<string>;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AdminUnit) private readonly units: Repository<AdminUnit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Sign-in identifier: an email if it has an @, otherwise a phone already normalised to +84…. */
  findByLogin(login: { phone?: string; email?: string }): Promise<User | null> {
    if (login.email) return this.users.findOneBy({ email: login.email });
    if (login.phone) return this.users.findOneBy({ phone: login.phone });
    return Promise.resolve(null);
  }

  verifyPassword(user: User, password: string): Promise<boolean> {
    return this.hasher.verify(user.passwordHash, password);
  }

  /**
   * Spends as long as a real check when no account matches, so response times do not reveal which
   * phone numbers are registered.
   */
  async burnPasswordCheck(password: string): Promise<false> {
    this.decoyHash ??= this.hasher.hash('decoy-password-0');
    await this.hasher.verify(await this.decoyHash, password);
    return false;
  }

  /** For the seed and the first-admin CLI: creates an account of any role without an acting admin. */
  createAccountAs(dto: AccountFieldsDto, role: Role, createdBy: string | null): Promise<User> {
    return this.createAccount(dto, role, createdBy);
  }

  /** Self-registration always creates a learner. */
  async registerLearner(dto: AccountFieldsDto): Promise<User> {
    return this.createAccount(dto, Role.Learner, null);
  }

  async createStaff(dto: CreateStaffDto, actor: AuthUser, meta: RequestMeta): Promise<UserSummaryDto> {
    if (dto.role === Role.CommuneAdmin && !dto.communeId) {
      throw AppError.validation([
        { field: 'communeId', rules: ['required'], message: 'communeId is required for a commune admin' },
      ]);
    }
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.createAccount(dto, dto.role, actor.id, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.create_staff',
          targetType: 'user',
          targetId: created.id,
          details: { role: created.role, communeId: created.communeId },
          requestId: meta.requestId,
        },
        manager,
      );
      return created;
    });
    return this.toSummary(user, await this.communeName(user.communeId), actor);
  }

  async profile(userId: string): Promise<UserProfileDto> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw AppError.notFound(ErrorCode.UserNotFound, 'This account no longer exists');
    return this.toProfile(user);
  }

  /**
   * Only a learner changes their own commune (they move house). Staff work in their commune by
   * appointment — it decides whose learners and sessions they reach — so a teacher or admin asking
   * for another commune is refused (a province admin changes it). A learner who moves loses their
   * digital-ambassador flag and links, which are same-commune only (audited).
   */
  async updateProfile(userId: string, dto: UpdateProfileDto, meta?: RequestMeta): Promise<UserProfileDto> {
    const user = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(User);
      // Locked: a concurrent ambassador registration (which locks the learner row) waits for the move.
      const found = await repository.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw AppError.notFound(ErrorCode.UserNotFound, 'This account no longer exists');
      const moving = dto.communeId !== undefined && dto.communeId !== found.communeId;
      if (moving && found.role !== Role.Learner) {
        throw AppError.forbidden('Staff cannot change their own commune; a province admin changes it');
      }
      if (moving) await this.assertCommuneExists(dto.communeId as string);
      if (dto.fullName !== undefined) found.fullName = dto.fullName;
      if (dto.birthDate !== undefined) {
        found.birthDateEncrypted = this.cipher.encrypt(dto.birthDate);
        found.birthYear = birthYearOf(dto.birthDate);
      }
      if (dto.gender !== undefined) found.gender = dto.gender;
      if (dto.preferredLanguage !== undefined) found.preferredLanguage = dto.preferredLanguage;
      if (dto.targetGroup !== undefined) found.targetGroup = dto.targetGroup;
      const previousCommuneId = found.communeId;
      if (moving) found.communeId = dto.communeId as string;
      if (dto.villageId !== undefined) {
        if (dto.villageId !== null) await this.assertVillageOf(dto.villageId, found.communeId);
        found.villageId = dto.villageId;
      } else if (found.villageId && !(await this.isVillageOf(found.villageId, found.communeId))) {
        // Moved to another commune: the old commune's village no longer applies.
        found.villageId = null;
      }
      if (dto.inclusion !== undefined) applyInclusion(found, dto.inclusion);
      if (moving) await this.dropAmbassadorLinks(manager, found, previousCommuneId, meta);
      await repository.save(found);
      return found;
    });
    return this.toProfile(user);
  }

  /**
   * Ambassador links join people of one commune: a learner who moves stops being an ambassador, loses
   * the learners they helped, and leaves their own ambassador. Audited only when something changed.
   */
  private async dropAmbassadorLinks(
    manager: EntityManager,
    user: User,
    fromCommuneId: string | null,
    meta: RequestMeta | undefined,
  ): Promise<void> {
    const wasAmbassador = user.ambassador;
    user.ambassador = false;
    const [{ helped, helpedBy }] = await manager.query<{ helped: number; helpedBy: number }[]>(
      `WITH gone AS (DELETE FROM ambassador_learners WHERE ambassador_id = $1 OR learner_id = $1
                     RETURNING ambassador_id = $1 AS mine)
       SELECT (count(*) FILTER (WHERE mine))::int AS helped, (count(*) FILTER (WHERE NOT mine))::int AS "helpedBy"
         FROM gone`,
      [user.id],
    );
    if (!wasAmbassador && helped === 0 && helpedBy === 0) return;
    await this.audit.record(
      {
        actorId: user.id,
        action: 'ambassador.links_dropped_on_move',
        targetType: 'user',
        targetId: user.id,
        details: {
          fromCommuneId,
          toCommuneId: user.communeId,
          ambassadorUnmarked: wasAmbassador,
          learnersUnlinked: helped,
          ambassadorUnlinked: helpedBy,
        },
        requestId: meta?.requestId ?? null,
      },
      manager,
    );
  }

  /** Changes the password and signs out every other device (this one keeps its session). */
  async changePassword(userId: string, currentSessionId: string, dto: ChangePasswordDto): Promise<void> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user || !(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      throw new AppError(
        ErrorCode.InvalidCredentials,
        HttpStatus.UNAUTHORIZED,
        'The current password is wrong',
      );
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: userId }, { passwordHash, mustChangePassword: false });
      await manager.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'password_changed'
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [userId, currentSessionId],
      );
    });
  }

  async list(query: UserListQueryDto, actor: AuthUser): Promise<UserPageDto> {
    const qb = this.users
      .createQueryBuilder('u')
      .leftJoin(AdminUnit, 'c', 'c.id = u.commune_id')
      .select([
        'u.id',
        'u.role',
        'u.fullName',
        'u.phone',
        'u.email',
        'u.communeId',
        'u.targetGroup',
        'u.status',
        'u.ambassador',
        'u.createdAt',
      ])
      .addSelect('c.name', 'communeName');
    // Row-level scope: a commune admin sees only their commune, whatever filter they send.
    const communeId = actor.role === Role.CommuneAdmin ? actor.communeId : query.communeId;
    if (actor.role === Role.CommuneAdmin && !communeId) throw AppError.forbidden();
    if (communeId) qb.andWhere('u.commune_id = :communeId', { communeId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.ambassador !== undefined)
      qb.andWhere('u.ambassador = :ambassador', { ambassador: query.ambassador });
    if (query.q) {
      qb.andWhere('(u.full_name ILIKE :q OR u.phone LIKE :q OR u.email LIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    qb.orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    const [{ entities, raw }, total] = await Promise.all([
      qb.getRawAndEntities<{ communeName: string | null }>(),
      qb.getCount(),
    ]);
    return {
      items: entities.map((user, index) => this.toSummary(user, raw[index]?.communeName ?? null, actor)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async summary(id: string, actor: AuthUser): Promise<UserSummaryDto> {
    const user = await this.scopedUser(id, actor);
    return this.toSummary(user, await this.communeName(user.communeId), actor);
  }

  /**
   * No e-mail or SMS is assumed: the admin receives a temporary password to hand over in person.
   * All of the user's sessions are revoked and a new password is demanded at the next sign-in.
   */
  async resetPassword(id: string, actor: AuthUser, meta: RequestMeta): Promise<PasswordResetDto> {
    const user = await this.scopedUser(id, actor);
    if (actor.role === Role.CommuneAdmin && user.role !== Role.Learner) throw AppError.forbidden();
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id }, { passwordHash, mustChangePassword: true });
      await manager.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'password_reset' WHERE user_id = $1 AND revoked_at IS NULL`,
        [id],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.password_reset',
          targetType: 'user',
          targetId: id,
          requestId: meta.requestId,
        },
        manager,
      );
    });
    return { temporaryPassword };
  }

  async toProfile(user: User): Promise<UserProfileDto> {
    const communeName = await this.communeName(user.communeId);
    // Admin unit names: the village's is looked up like the commune's.
    const villageName = await this.communeName(user.villageId);
    return {
      id: user.id,
      role: user.role,
      fullName: user.fullName,
      phone: user.phone,
      email: user.email,
      birthDate: user.birthDateEncrypted ? this.cipher.decrypt(user.birthDateEncrypted) : null,
      gender: user.gender,
      preferredLanguage: user.preferredLanguage,
      communeId: user.communeId,
      commune: user.communeId && communeName ? { id: user.communeId, name: communeName } : null,
      village: user.villageId && villageName ? { id: user.villageId, name: villageName } : null,
      targetGroup: user.targetGroup,
      status: user.status,
      mustChangePassword: user.mustChangePassword,
      citizenIdMasked: user.citizenIdEncrypted
        ? maskCitizenId(this.cipher.decrypt(user.citizenIdEncrypted))
        : null,
      identityLevel: user.identityLevel,
      inclusion: user.attributesConsentedAt
        ? {
            consentedAt: user.attributesConsentedAt.toISOString(),
            disability: user.disability,
            ethnicGroup: user.ethnicGroup,
            householdId: user.householdId,
          }
        : null,
      // The learner role holds ambassador.help, but only flagged learners may use it: the portal gates
      // the ambassador area on this list, so it names the permission only for them.
      permissions: ROLE_PERMISSIONS[user.role].filter(
        (permission) => permission !== Permission.AmbassadorHelp || user.ambassador,
      ),
      createdAt: user.createdAt.toISOString(),
    };
  }

  private toSummary(user: User, communeName: string | null, viewer: AuthUser): UserSummaryDto {
    // Commune admins work with people face to face; they get enough of a phone to recognise it.
    const phone = user.phone && viewer.role === Role.CommuneAdmin ? maskPhone(user.phone) : user.phone;
    return {
      id: user.id,
      role: user.role,
      fullName: user.fullName,
      phone,
      email: user.email,
      communeId: user.communeId,
      communeName,
      targetGroup: user.targetGroup,
      status: user.status,
      ambassador: user.ambassador,
      createdAt: user.createdAt.toISOString(),
    };
  }

  private async scopedUser(id: string, actor: AuthUser): Promise<User> {
    const user = await this.users.findOneBy({ id });
    // Out-of-scope users are reported as missing so commune admins cannot probe other communes.
    if (!user || (actor.role === Role.CommuneAdmin && user.communeId !== actor.communeId)) {
      throw AppError.notFound(ErrorCode.UserNotFound, 'No such user');
    }
    return user;
  }

  private async createAccount(
    dto: AccountFieldsDto,
    role: Role,
    createdBy: string | null,
    manager?: EntityManager,
  ): Promise<User> {
    if (dto.communeId) await this.assertCommuneExists(dto.communeId);
    const repository = manager ? manager.getRepository(User) : this.users;
    await this.assertContactFree(repository, dto.phone, dto.email);
    const user = repository.create({
      phone: dto.phone ?? null,
      email: dto.email ?? null,
      passwordHash: await this.hasher.hash(dto.password),
      role,
      status: UserStatus.Active,
      fullName: dto.fullName,
      birthDateEncrypted: dto.birthDate ? this.cipher.encrypt(dto.birthDate) : null,
      birthYear: dto.birthDate ? birthYearOf(dto.birthDate) : null,
      gender: dto.gender ?? null,
      preferredLanguage: dto.preferredLanguage ?? 'vi',
      communeId: dto.communeId ?? null,
      targetGroup: dto.targetGroup ?? null,
      mustChangePassword: false,
      createdBy,
    });
    try {
      return await repository.save(user);
    } catch (error) {
      // Two sign-ups racing for the same phone: the unique index decides, the loser gets a 409.
      throw contactConflict(error) ?? error;
    }
  }

  private async assertContactFree(
    repository: Repository<User>,
    phone?: string,
    email?: string,
  ): Promise<void> {
    if (phone && (await repository.existsBy({ phone }))) {
      throw new AppError(
        ErrorCode.PhoneTaken,
        HttpStatus.CONFLICT,
        'An account with this phone number already exists',
      );
    }
    if (email && (await repository.existsBy({ email }))) {
      throw new AppError(
        ErrorCode.EmailTaken,
        HttpStatus.CONFLICT,
        'An account with this email already exists',
      );
    }
  }

  private async assertCommuneExists(communeId: string): Promise<void> {
    const exists = await this.units.exists({
      where: [
        { id: communeId, kind: 'commune' },
        { id: communeId, kind: 'ward' },
      ],
    });
    if (!exists) {
      throw AppError.validation([
        { field: 'communeId', rules: ['exists'], message: 'communeId is not a known commune or ward' },
      ]);
    }
  }

  private async isVillageOf(villageId: string, communeId: string | null): Promise<boolean> {
    if (!communeId) return false;
    return this.units.exists({ where: { id: villageId, kind: 'village', parentId: communeId } });
  }

  private async assertVillageOf(villageId: string, communeId: string | null): Promise<void> {
    if (!(await this.isVillageOf(villageId, communeId))) {
      throw AppError.validation([
        { field: 'villageId', rules: ['village'], message: 'villageId is not a village of your commune' },
      ]);
    }
  }

  private async communeName(communeId: string | null): Promise<string | null> {
    if (!communeId) return null;
    const unit = await this.units.findOne({ where: { id: communeId }, select: { name: true } });
    return unit?.name ?? null;
  }
}

function contactConflict(error: unknown): AppError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const constraint = (error.driverError as { constraint?: string }).constraint;
  if (constraint === 'uq_users_phone') {
    return new AppError(
      ErrorCode.PhoneTaken,
      HttpStatus.CONFLICT,
      'An account with this phone number already exists',
    );
  }
  if (constraint === 'uq_users_email') {
    return new AppError(
      ErrorCode.EmailTaken,
      HttpStatus.CONFLICT,
      'An account with this email already exists',
    );
  }
  return null;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Easy to read aloud and type on a phone: two short lowercase words and four digits, e.g. `hoc-so-4821`. */
function generateTemporaryPassword(): string {
  const words = ['hoc', 'so', 'ban', 'xanh', 'nui', 'suoi', 'lua', 'hoa', 'may', 'trang', 'sao', 'dong'];
  const pick = () => words[randomInt(words.length)];
  return `${pick()}-${pick()}-${String(randomInt(10000)).padStart(4, '0')}`;
}

/** The year of a YYYY-MM-DD birth date (validated by the DTO). */
export function birthYearOf(birthDate: string): number {
  return Number(birthDate.slice(0, 4));
}

/** Consent keeps the attributes given (others unchanged); withdrawal erases all three with the consent. */
function applyInclusion(user: User, inclusion: InclusionAttributesDto): void {
  if (!inclusion.consent) {
    user.disability = null;
    user.ethnicGroup = null;
    user.householdId = null;
    user.attributesConsentedAt = null;
    return;
  }
  user.attributesConsentedAt ??= new Date();
  if (inclusion.disability !== undefined) user.disability = inclusion.disability;
  if (inclusion.ethnicGroup !== undefined) user.ethnicGroup = inclusion.ethnicGroup?.normalize('NFC') ?? null;
  if (inclusion.householdId !== undefined) user.householdId = inclusion.householdId;
}
