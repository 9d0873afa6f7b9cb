import 'reflect-metadata';

import { Role } from '@hocvu/contracts';
import { generateIssuerKey, issuerDid } from '@hocvu/credentials';
import { ConfigError } from '@hocvu/server-kit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';

import { AppModule } from './app.module';
import { flattenValidationErrors } from './common/validation/validation.pipe';
import { ApiConfig } from './config/api-config';
import { ApiConfigModule } from './config/config.module';
import { API_PREFIX, buildOpenApiDocument, GLOBAL_PREFIX_OPTIONS } from './create-app';
import { dataSourceOptions } from './database/data-source-options';
import { loadDotEnv } from './load-dotenv';
import { AdminUnitsService } from './modules/admin-units/admin-units.service';
import { CourseStudioService } from './modules/courses/course-studio.service';
import { QuestionBankService } from './modules/questions/question-bank.service';
import { AccountFieldsDto } from './modules/users/dto/user.dto';
import { UsersService } from './modules/users/users.service';
import { VideoStudioService } from './modules/video/video-studio.service';
import { seedDemoCommunity } from './seed/demo-community';
import { DEMO_ACCOUNTS, DEMO_PROVINCE, seedDemo } from './seed/demo-seed';
import { seedDemoVideo } from './seed/demo-video';

const USAGE = `Usage: hocvu-api <command> [options]

Commands:
  migrate                         apply pending database migrations
  migrate:revert                  revert the last migration
  seed                            load the demo content (idempotent; demo installs only)
  seed-video                      add the demo video lesson (needs ffmpeg and a running worker; idempotent)
  create-admin --phone P --name N [--password X]
                                  create the first province admin (password read from HOCVU_ADMIN_PASSWORD if omitted)
  import-units --file F [--province-code 11 --province-name "Điện Biên"]
                                  import communes/wards from a CSV file
  openapi --out FILE              write the OpenAPI document (no database needed)
  issuer-key [--public-url URL]   print a new certificate issuer key for PUBLIC_URL (JSON, for CERTIFICATE_SIGNING_KEY)
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      phone: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      file: { type: 'string' },
      'province-code': { type: 'string', default: DEMO_PROVINCE.code },
      'province-name': { type: 'string', default: DEMO_PROVINCE.name },
      out: { type: 'string' },
      'public-url': { type: 'string' },
    },
  });
  loadDotEnv();
  switch (command) {
    case 'issuer-key':
      return printIssuerKey(values['public-url'] ?? process.env['PUBLIC_URL'] ?? 'http://127.0.0.1:8080');
    case 'openapi':
      return writeOpenApi(values.out ?? 'packages/api-client/openapi.json');
    case 'migrate':
      return migrate(ApiConfigModule.load(process.env), 'up');
    case 'migrate:revert':
      return migrate(ApiConfigModule.load(process.env), 'down');
    case 'seed':
      return withServices(ApiConfigModule.load(process.env), async (units, users, studio, questions, db) => {
        const result = await seedDemo(units, users, studio, questions);
        const community = await seedDemoCommunity(db);
        console.log(
          `Community: ${community.helped} learners helped by the demo ambassador, ${community.sessions} sessions added.`,
        );
        console.log(
          `Seeded ${DEMO_PROVINCE.name}: ${result.units.created} units created, ${result.units.updated} updated, ` +
            `${result.villagesCreated} demo villages; ` +
            `${result.accountsCreated} demo accounts and ${result.coursesCreated} demo courses created.`,
        );
        console.log('Demo sign-ins (phone / password):');
        const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.label.length));
        for (const account of DEMO_ACCOUNTS)
          console.log(`  ${account.label.padEnd(width)} ${account.phone} / ${account.password}`);
      });
    case 'seed-video': {
      const config = ApiConfigModule.load(process.env);
      const context = await NestFactory.createApplicationContext(
        AppModule.forConfig(Object.assign(new ApiConfig(), config, { LOG_LEVEL: 'warn' })),
        { logger: ['error', 'warn'] },
      );
      try {
        const teacher = await context.get(UsersService).findByLogin({ phone: '+84911000003' });
        if (!teacher) throw new UsageError('Run `seed` first: the demo teacher is missing');
        const result = await seedDemoVideo(
          context.get(DataSource),
          context.get(CourseStudioService),
          context.get(VideoStudioService),
          teacher.id,
        );
        console.log(
          result.status === 'created'
            ? 'Demo video lesson added to the VNeID course and published.'
            : result.status === 'exists'
              ? 'Demo video lesson already there.'
              : `Demo video lesson skipped: ${result.reason}`,
        );
      } finally {
        await context.close();
      }
      return;
    }
    case 'create-admin':
      return withServices(ApiConfigModule.load(process.env), (_, users) =>
        createAdmin(users, values.phone, values.name, values.password ?? process.env['HOCVU_ADMIN_PASSWORD']),
      );
    case 'import-units': {
      if (!values.file) throw new UsageError('import-units needs --file');
      const csv = readFileSync(values.file, 'utf8');
      return withServices(ApiConfigModule.load(process.env), async (units) => {
        const result = await units.importCsv(
          values['province-code'] ?? '',
          values['province-name'] ?? '',
          csv,
        );
        console.log(`Imported: ${result.created} created, ${result.updated} updated.`);
      });
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

class UsageError extends Error {}

async function migrate(config: ApiConfig, direction: 'up' | 'down'): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL, 2));
  await dataSource.initialize();
  try {
    if (direction === 'up') {
      const applied = await dataSource.runMigrations();
      console.log(
        applied.length
          ? `Applied ${applied.map((m) => m.name).join(', ')}`
          : 'Database schema is up to date.',
      );
    } else {
      await dataSource.undoLastMigration();
      console.log('Reverted the last migration.');
    }
  } finally {
    await dataSource.destroy();
  }
}

async function withServices(
  config: ApiConfig,
  work: (
    units: AdminUnitsService,
    users: UsersService,
    studio: CourseStudioService,
    questions: QuestionBankService,
    db: DataSource,
  ) => Promise<void>,
): Promise<void> {
  const quiet: ApiConfig = Object.assign(new ApiConfig(), config, { LOG_LEVEL: 'warn' });
  const context = await NestFactory.createApplicationContext(AppModule.forConfig(quiet), {
    logger: ['error', 'warn'],
  });
  try {
    await work(
      context.get(AdminUnitsService),
      context.get(UsersService),
      context.get(CourseStudioService),
      context.get(QuestionBankService),
      context.get(DataSource),
    );
  } finally {
    await context.close();
  }
}

async function createAdmin(
  users: UsersService,
  phone?: string,
  name?: string,
  password?: string,
): Promise<void> {
  const dto = plainToInstance(AccountFieldsDto, { phone, fullName: name, password });
  const problems = flattenValidationErrors(await validate(dto));
  if (problems.length > 0) {
    throw new UsageError(`Cannot create the admin:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
  }
  const user = await users.createAccountAs(dto, Role.ProvinceAdmin, null);
  console.log(`Created province admin ${user.fullName} (${user.id}).`);
}

/** Generating the document needs only controller metadata, so no database or Redis is touched. */
async function writeOpenApi(out: string): Promise<void> {
  const config = Object.assign(new ApiConfig(), {
    JWT_ACCESS_SECRET: 'x'.repeat(32),
    DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
    },
  );
  app.setGlobalPrefix(API_PREFIX, GLOBAL_PREFIX_OPTIONS);
  const document = buildOpenApiDocument(app);
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  console.log(`Wrote ${out}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);

/**
 * A new Ed25519 issuer key for the did:web of `publicUrl`, printed as the JSON CERTIFICATE_SIGNING_KEY
 * takes. Key rotation: set the new key, and move the old one's public half (without secretKeyMultibase)
 * into CERTIFICATE_RETIRED_KEYS so certificates it signed keep verifying.
 */
async function printIssuerKey(publicUrl: string): Promise<void> {
  const did = issuerDid(publicUrl);
  const key = await generateIssuerKey(did);
  console.error(
    `Issuer key for ${did} (from ${publicUrl}). Keep it secret; set it as CERTIFICATE_SIGNING_KEY:`,
  );
  console.log(JSON.stringify(key));
}
