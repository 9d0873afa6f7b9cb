import type en from './en.json';
import type vi from './vi.json';

/** Every key path of a catalogue, e.g. `auth.signIn.title`. */
type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

type MustBeEmpty<T extends never> = T;

/**
 * Compile-time check that both catalogues have exactly the same keys: a missing translation fails
 * `tsc` and names the key, e.g. `Type '"home.title"' does not satisfy the constraint 'never'`.
 */
export type MissingInEnglish = MustBeEmpty<Exclude<KeyPaths<typeof vi>, KeyPaths<typeof en>>>;
export type MissingInVietnamese = MustBeEmpty<Exclude<KeyPaths<typeof en>, KeyPaths<typeof vi>>>;
