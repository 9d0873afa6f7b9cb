/**
 * What this package needs of a database connection: TypeORM's EntityManager and DataSource fit, and
 * so does a pg client. Functions that write expect to run inside a transaction the caller opened.
 */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}
