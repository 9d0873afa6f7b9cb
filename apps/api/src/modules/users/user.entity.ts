import { Gender, Role, TargetGroup, UserStatus } from '@hocvu/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** E.164 (+84…); unique. Either phone or email is present (database check). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: UserStatus;

  @Column({ name: 'full_name', type: 'varchar', length: 120 })
  fullName!: string;

  /** Birth date, AES-256-GCM encrypted (FieldCipher); personal data never stored in clear. */
  /** Kept in clear beside the encrypted birth date: enough for the 60+ band of campaign reports. */
  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear!: number | null;

  /** The village (thôn/bản/tổ dân phố, an admin unit under the commune) the learner lives in. */
  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId!: string | null;

  /** Optional, self-declared, kept only with consent (docs/privacy.md). */
  @Column({ type: 'boolean', nullable: true })
  disability!: boolean | null;

  @Column({ name: 'ethnic_group', type: 'varchar', length: 40, nullable: true })
  ethnicGroup!: string | null;

  @Column({ name: 'household_id', type: 'varchar', length: 40, nullable: true })
  householdId!: string | null;

  @Column({ name: 'attributes_consented_at', type: 'timestamptz', nullable: true })
  attributesConsentedAt!: Date | null;

  /** Digital ambassador ("đại sứ số"): a learner who registers and follows the learners they help. */
  @Column({ type: 'boolean', default: false })
  ambassador!: boolean;

  @Column({ name: 'birth_date_enc', type: 'text', nullable: true })
  birthDateEncrypted!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender!: Gender | null;

  /** Citizen id from VNeID, AES-256-GCM encrypted (FieldCipher); never stored, logged or sent in clear. */
  @Column({ name: 'citizen_id_enc', type: 'text', nullable: true })
  citizenIdEncrypted!: string | null;

  /** Keyed hash of the citizen id (FieldCipher.lookupHash): one citizen, one account. */
  @Column({ name: 'citizen_id_hash', type: 'varchar', length: 64, nullable: true })
  citizenIdHash!: string | null;

  /** Identification level VNeID vouched for (2 = identity-verified, required for attestations). */
  @Column({ name: 'identity_level', type: 'smallint', nullable: true })
  identityLevel!: 1 | 2 | null;

  @Column({ name: 'identity_verified_at', type: 'timestamptz', nullable: true })
  identityVerifiedAt!: Date | null;

  @Column({ name: 'preferred_language', type: 'varchar', length: 35, default: 'vi' })
  preferredLanguage!: string;

  @Column({ name: 'commune_id', type: 'uuid', nullable: true })
  communeId!: string | null;

  @Column({ name: 'target_group', type: 'varchar', length: 32, nullable: true })
  targetGroup!: TargetGroup | null;

  /** Set after an admin reset: the portal asks for a new password before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
