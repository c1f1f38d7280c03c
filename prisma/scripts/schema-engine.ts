// Drives Prisma's WebAssembly schema engine through a driver adapter: better-sqlite3 for
// SQLite, pg for PostgreSQL (the wasm build carries both connectors; Prisma's own CLI drives
// it the same way when prisma.config names a migrate adapter). The CLI's `prisma migrate`
// wants a native engine that it downloads at run time; the WebAssembly build is the same
// engine and needs nothing from the network. Each engine keeps its migrations in Prisma's
// standard layout (prisma/migrations for SQLite, prisma/migrations-postgresql for
// PostgreSQL), so `prisma migrate deploy` still works wherever the native engine is available.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { DEFAULT_DATABASE_URL, engineOf, type Engine } from "~/utils/database-file.server";

export { engineOf, type Engine };

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const filters: SchemaFilter = { externalTables: [], externalEnums: [] };

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** Each engine's migrations, in Prisma's standard layout. */
export function migrationsDirOf(engine: Engine): string {
  return path.join(
    projectRoot,
    "prisma",
    engine === "sqlite" ? "migrations" : "migrations-postgresql",
  );
}

/** The schema as each engine reads it: schema.prisma with the engine's provider. */
export function schemaTextOf(engine: Engine): string {
  const text = readFileSync(schemaPath, "utf8");
  if (engine === "sqlite") return text;
  const out = text.replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  if (out === text)
    throw new Error("prisma/schema.prisma: datasource block not in the expected form");
  return out;
}

/** The PostgreSQL schema named in a URL's `schema` parameter (Prisma's convention). */
export function postgresSchemaOf(url: string): string | undefined {
  return new URL(url).searchParams.get("schema") ?? undefined;
}

/** Resolves "file:./x.db" against the project root and makes sure its folder exists. */
export function databaseFile(url = databaseUrl()): string {
  const raw = url.replace(/^file:/, "");
  const file = path.isAbsolute(raw) ? raw : path.join(projectRoot, raw);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

// The engine reports Rust panics through this global before it throws.
const panicRegistry = {
  message: "",
  set_message(message: string) {
    this.message = message;
    console.error(`schema engine panic: ${message}`);
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY =
  panicRegistry;

type EngineModule = { SchemaEngine: typeof SchemaEngine };
let engineModule: Promise<EngineModule> | undefined;

// The wasm-bindgen glue caches views of the instance's memory, so the module is
// instantiated once per process and every engine is created from that one instance.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = await import(pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href);
    const wasmBytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    // Initialises the externref table (null, undefined, true, false); without it JS null
    // reaches the engine as an invalid value.
    (instance.exports.__wbindgen_start as () => void)();
    return bg as EngineModule;
  })();
  return engineModule;
}

// The engine's PostgreSQL describer reads catalog columns of type "char" (OID 18, e.g.
// pg_constraint.contype), which @prisma/adapter-pg 7.10 cannot map ("Column type 'char'
// could not be deserialized"): the native engine reads them through its own driver. pg
// already returns them as strings, so the schema engine's pool reports them as text (OID 25).
const PG_CHAR = 18;
const PG_TEXT = 25;
type FieldList = { fields?: { dataTypeID: number }[] };
function charAsText<T>(result: T): T {
  for (const field of (result as FieldList)?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  }
  return result;
}
function patchQuery(target: { query: (...args: unknown[]) => unknown }): void {
  const query = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const out = query(...args);
    return out instanceof Promise ? out.then(charAsText) : out;
  };
}

// adapter-pg's executeScript splits a migration on every ";", which breaks dollar-quoted
// function bodies (the audit log's trigger). PostgreSQL takes a whole script in one simple
// query, and runs it as one implicit transaction: a failing migration leaves nothing behind.
type ScriptAdapter = {
  provider: string;
  executeScript(script: string): Promise<void>;
  client?: { query(text: string): Promise<unknown> };
  onError?(error: unknown): never;
};
function wholeScripts<A>(adapter: A): A {
  const a = adapter as unknown as ScriptAdapter;
  if (a.provider === "postgres" && a.client && a.onError) {
    const { client } = a;
    const onError = a.onError.bind(a);
    a.executeScript = async (script: string) => {
      try {
        await client.query(script);
      } catch (error) {
        onError(error);
      }
    };
  }
  return adapter;
}

function adapterFactory(url: string): PrismaBetterSqlite3 | PrismaPg {
  if (engineOf(url) === "sqlite")
    return new PrismaBetterSqlite3({ url: `file:${databaseFile(url)}` });
  const schema = postgresSchemaOf(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  patchQuery(pool as unknown as { query: (...args: unknown[]) => unknown });
  pool.on("connect", (client) =>
    patchQuery(client as unknown as { query: (...args: unknown[]) => unknown }),
  );
  return new PrismaPg(pool, { ...(schema ? { schema } : {}), disposeExternalPool: true });
}

export async function openSchemaEngine(url = databaseUrl()): Promise<SchemaEngine> {
  const bg = await loadEngineModule();
  // The engine never closes the connections it opens (and it holds them in SQLite's
  // exclusive locking mode), so they are tracked here and closed by closeSchemaEngine.
  // Its own connection (and pool), closed before the engine opens its own.
  await renameAbsoluteMigrationRows(adapterFactory(url), engineOf(url));
  const factory = adapterFactory(url);
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => {
    const adapter = wholeScripts(await connect());
    opened.push(adapter);
    return adapter;
  };
  factory.connectToShadowDb = async () => {
    const adapter = wholeScripts(await connectToShadowDb());
    opened.push(adapter);
    return adapter;
  };
  const engine: SchemaEngine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaTextOf(engineOf(url))]] },
    (log: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error(log);
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  openConnections.set(engine, opened);
  return engine;
}

type RawAdapter = {
  queryRaw(query: { sql: string; args: unknown[]; argTypes: unknown[] }): Promise<unknown>;
  executeScript(script: string): Promise<void>;
  dispose(): Promise<void>;
};

/**
 * The SQL that renames rows recorded by absolute path (before migrations were recorded by
 * their folder name) to the folder name, so the engine does not re-run them. Folder names are
 * checked to be plain words before they are written into SQL.
 */
export function renameAbsoluteMigrationRowsSql(names: string[]): string {
  return names
    .filter((name) => /^[\w-]+$/.test(name))
    .map(
      (name) =>
        `UPDATE "_prisma_migrations" SET "migration_name" = '${name}' WHERE "migration_name" <> '${name}' AND substr("migration_name", length("migration_name") - ${name.length}) IN ('/${name}', '\\${name}');`,
    )
    .join("\n");
}

async function renameAbsoluteMigrationRows(
  factory: PrismaBetterSqlite3 | PrismaPg,
  engine: Engine,
): Promise<void> {
  const adapter = (await factory.connect()) as unknown as RawAdapter;
  try {
    try {
      await adapter.queryRaw({
        sql: 'SELECT "migration_name" FROM "_prisma_migrations" WHERE 1 = 0',
        args: [],
        argTypes: [],
      });
    } catch {
      return; // a new database: nothing recorded yet (or unreachable, which the engine reports)
    }
    const names = readMigrations(engine).migrationDirectories.map((d) => d.path);
    const script = renameAbsoluteMigrationRowsSql(names);
    if (script) await wholeScripts(adapter).executeScript(script);
  } finally {
    await adapter.dispose();
  }
}

const openConnections = new WeakMap<SchemaEngine, { dispose(): Promise<void> }[]>();

/** Frees the engine and closes its database connections, releasing the file lock. */
export async function closeSchemaEngine(engine: SchemaEngine): Promise<void> {
  const opened = openConnections.get(engine) ?? [];
  engine.free();
  await Promise.all(opened.map((adapter) => adapter.dispose()));
}

export function lockfileOf(engine: Engine): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${engine}"\n`;
}

export function readMigrations(engine: Engine): MigrationList {
  const migrationsDir = migrationsDirOf(engine);
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: lockPath,
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : lockfileOf(engine),
    },
    shadowDbInitScript: "",
    // The engine records each migration in _prisma_migrations under the path given here, so
    // paths are relative to the migrations folder (as Prisma's CLI records them): a checkout
    // moved to another directory still knows what it has applied.
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: path.join(name, "migration.sql"),
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

/**
 * Applies every pending migration; returns the names applied. The engine takes an exclusive
 * lock on the file that lasts as long as the engine, so callers pass the one they keep using.
 */
export async function applyPendingMigrations(
  engine: SchemaEngine,
  url = databaseUrl(),
): Promise<string[]> {
  const out = await engine.applyMigrations({
    migrationsList: readMigrations(engineOf(url)),
    filters,
  });
  return out.appliedMigrationNames;
}

/**
 * Makes the database `url` names ready for migrations, as `db:migrate` and `db:copy` both need:
 * a SQLite file is created in WAL mode (readers never block the writer); a PostgreSQL database
 * is created when missing and the role may (CREATEDB), as SQLite creates its file. Without that
 * right the migration itself then says the database does not exist. Returns the target as
 * shown to people (the file, or the URL without its password).
 */
export async function prepareTarget(url: string): Promise<string> {
  if (engineOf(url) === "sqlite") {
    const file = databaseFile(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.close();
    return file;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  server.search = "";
  const client = new pg.Client({ connectionString: server.toString() });
  try {
    await client.connect();
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}.`);
    }
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
  } finally {
    await client.end().catch(() => undefined);
  }
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

/** Where `db:migration` and the migration check make scratch PostgreSQL databases. */
export function postgresAdminUrl(): string {
  return process.env.PG_ADMIN_URL ?? "postgres://jx:jx@127.0.0.1:5432/postgres";
}

/** The same server as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The SQL that takes the end state of an engine's migrations to prisma/schema.prisma ("" when
 * they agree). The migrations are applied to a scratch database (a temporary SQLite file, or a
 * temporary database on the PostgreSQL server at PG_ADMIN_URL) and the engine diffs it against
 * the schema, so no development database is needed or touched.
 */
export async function pendingSchemaChange(engine: Engine): Promise<string> {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { randomUUID } = await import("node:crypto");
  let url: string;
  let cleanup: () => Promise<void>;
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "jx-migrations-"));
    url = `file:${path.join(dir, "scratch.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    const name = `jx_migration_check_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    url = withDatabase(postgresAdminUrl(), name);
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  }
  try {
    const schemaEngine = await openSchemaEngine(url);
    try {
      await applyPendingMigrations(schemaEngine, url);
      const files = [{ path: schemaPath, content: schemaTextOf(engine) }];
      const result = await schemaEngine.diff({
        from: { tag: "schemaDatasource", files, configDir: projectRoot },
        to: { tag: "schemaDatamodel", files },
        script: true,
        // The WebAssembly engine wants a boolean here, not null.
        exitCode: false,
        filters,
      });
      const script = (result.stdout ?? "").trim();
      return /^-- This is an empty migration\.?$/.test(script) ? "" : script;
    } finally {
      await closeSchemaEngine(schemaEngine);
    }
  } finally {
    await cleanup();
  }
}
