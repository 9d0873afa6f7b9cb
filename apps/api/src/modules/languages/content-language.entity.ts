import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A language content can be written in (vi, en, blt, hmn…), configured by admins. */
@Entity({ name: 'content_languages' })
export class ContentLanguage {
  @PrimaryColumn({ type: 'varchar', length: 35 })
  code!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
