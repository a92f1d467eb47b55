// Append-only: the schema version is the position in this list. Never edit a shipped entry.
export const SQLITE_MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     key TEXT PRIMARY KEY,
     url_key TEXT NOT NULL,
     guid_key TEXT,
     url TEXT NOT NULL,
     canonical_url TEXT NOT NULL,
     feed TEXT,
     status TEXT NOT NULL CHECK (status IN ('breach', 'no_incident', 'failed')),
     reason TEXT,
     record_count INTEGER NOT NULL DEFAULT 0,
     first_seen_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX articles_url_key ON articles(url_key);
   CREATE INDEX articles_guid_key ON articles(guid_key);
   CREATE TABLE records (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL UNIQUE,
     article_key TEXT NOT NULL REFERENCES articles(key),
     org_key TEXT,
     org_name TEXT,
     breach_date TEXT,
     disclosed_at TEXT,
     affected_count INTEGER,
     data_types TEXT NOT NULL,
     json TEXT NOT NULL,
     stored_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX records_article ON records(article_key);
   CREATE INDEX records_org ON records(org_key);
   CREATE TABLE feed_state (
     feed_id TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     last_polled_at TEXT,
     last_error TEXT,
     consecutive_failures INTEGER NOT NULL DEFAULT 0
   );`,
  // The stage of a failed verdict, from its error's facts. Verdicts stored before keep the stage
  // their reason was written with (the one time a reason is read: these rows have nothing else).
  `ALTER TABLE articles ADD COLUMN failure_stage TEXT;
   UPDATE articles SET failure_stage = substr(reason, 1, instr(reason, ':') - 1) WHERE status = 'failed' AND instr(reason, ':') > 0;`,
  // Incidents kept on write (issue 12), with tombstones for records and incidents. The incidents
  // of records stored before are built when the store is next opened (store_meta.incidents_built).
  `ALTER TABLE records ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE incidents (
     id TEXT PRIMARY KEY,
     group_key TEXT NOT NULL,
     seq INTEGER NOT NULL UNIQUE,
     state TEXT NOT NULL CHECK (state IN ('live', 'merged', 'deleted')),
     merged_into TEXT,
     digest TEXT,
     org_key TEXT,
     org_name TEXT,
     breach_date TEXT,
     disclosed_at TEXT,
     disclosed_sort TEXT NOT NULL DEFAULT '',
     affected_count INTEGER,
     data_types TEXT NOT NULL DEFAULT ',,',
     updated_at TEXT NOT NULL,
     -- last: a filter reads the columns above without walking a large row's overflow pages
     members TEXT NOT NULL,
     json TEXT
   );
   CREATE INDEX incidents_group ON incidents(group_key);
   CREATE INDEX incidents_newest ON incidents(state, disclosed_sort, id);
   CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   INSERT INTO store_meta (key, value) VALUES ('incidents_built', '0');`,
];
