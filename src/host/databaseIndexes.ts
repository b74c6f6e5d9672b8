/**
 * Indexes a plugin keeps in the database to be fast (its own tables, triggers, extra keys on WordPress's tables).
 * On a database wc-host created they are installed at start-up; on an existing WordPress database only when the
 * operator runs `npx wc-host db index`, and `db index --drop` removes them again. Without them a plugin must still
 * answer correctly, only slower.
 */
export interface DatabaseIndex {
  /** Short name shown by the CLI, e.g. `customers`. */
  name: string;
  /** One line: what it speeds up. */
  description: string;
  status(): Promise<DatabaseIndexStatus>;
  /** Creates what is missing and fills it; idempotent, resumable, safe while the site serves. */
  install(progress: (step: IndexProgress) => void): Promise<void>;
  /** Removes everything install() added, leaving the database as it was before. */
  drop(): Promise<void>;
}

export interface DatabaseIndexStatus {
  /** Every table, trigger and key exists. */
  installed: boolean;
  /** Installed and filled: requests use it. */
  ready: boolean;
  /** Human-readable facts (one per line): what exists, what is missing, how far the fill got. */
  details: string[];
}

/** One step of install(): `done` of `total` units (`total` null when unknown). */
export interface IndexProgress {
  phase: string;
  done: number;
  total: number | null;
  unit: string;
}

export interface DatabaseIndexRegistry {
  register(index: DatabaseIndex): void;
  list(): readonly DatabaseIndex[];
}

export function createDatabaseIndexRegistry(): DatabaseIndexRegistry {
  const indexes: DatabaseIndex[] = [];
  return {
    register(index) {
      if (indexes.some((existing) => existing.name === index.name))
        throw new Error(`A database index named "${index.name}" is already registered`);
      indexes.push(index);
    },
    list: () => indexes,
  };
}
