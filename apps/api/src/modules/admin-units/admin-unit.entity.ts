import { AdminUnitKind } from '@hocvu/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Province → commune/ward → village, as reorganised on 1 July 2025 (two-level local government). */
@Entity({ name: 'admin_units' })
export class AdminUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Official statistics code (5 digits for communes, 2 for provinces); kept as text for leading zeros. */
  @Column({ type: 'varchar', length: 16, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AdminUnitKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'integer', nullable: true })
  population!: number | null;

  @Column({ name: 'area_km2', type: 'numeric', precision: 10, scale: 2, nullable: true })
  areaKm2!: string | null;

  @Column({ name: 'merged_from', type: 'text', nullable: true })
  mergedFrom!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
