// Append-only: the schema version is the position in this list. Never edit a shipped entry.
export const POSTGRES_MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     key text PRIMARY KEY,
     url_key text NOT NULL,
     guid_key text,
     url text NOT NULL,
     canonical_url text NOT NULL,
     feed text,
     status text NOT NULL CHECK (status IN ('breach', 'no_incident', 'failed')),
     reason text,
     record_count integer NOT NULL DEFAULT 0,
     first_seen_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX articles_url_key ON articles (url_key);
   CREATE INDEX articles_guid_key ON articles (guid_key);
   CREATE SEQUENCE records_seq;
   CREATE TABLE records (
     id text PRIMARY KEY,
     seq bigint NOT NULL UNIQUE,
     article_key text NOT NULL REFERENCES articles (key),
     org_key text,
     org_name text,
     breach_date text,
     disclosed_at text,
     affected_count bigint,
     data_types text NOT NULL,
     json jsonb NOT NULL,
     stored_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX records_article ON records (article_key);
   CREATE INDEX records_org ON records (org_key);
   CREATE TABLE feed_state (
     feed_id text PRIMARY KEY,
     etag text,
     last_modified text,
     last_polled_at text,
     last_error text,
     consecutive_failures integer NOT NULL DEFAULT 0
   );`,
  // The stage of a failed verdict, from its error's facts. Verdicts stored before keep the stage
  // their reason was written with (the one time a reason is read: these rows have nothing else).
  `ALTER TABLE articles ADD COLUMN failure_stage text;
   UPDATE articles SET failure_stage = split_part(reason, ':', 1) WHERE status = 'failed' AND position(':' in reason) > 0;`,
  // Incidents kept on write (issue 12), with tombstones for records and incidents. The incidents
  // of records stored before are built when the store is next opened (store_meta.incidents_built).
  `ALTER TABLE records ADD COLUMN deleted boolean NOT NULL DEFAULT false;
   CREATE SEQUENCE incidents_seq;
   CREATE TABLE incidents (
     id text PRIMARY KEY,
     group_key text NOT NULL,
     seq bigint NOT NULL UNIQUE,
     state text NOT NULL CHECK (state IN ('live', 'merged', 'deleted')),
     merged_into text,
     digest text,
     org_key text,
     org_name text,
     breach_date text,
     disclosed_at text,
     disclosed_sort text NOT NULL DEFAULT '',
     affected_count bigint,
     data_types text NOT NULL DEFAULT ',,',
     updated_at timestamptz NOT NULL DEFAULT now(),
     members jsonb NOT NULL,
     json text
   );
   CREATE INDEX incidents_group ON incidents (group_key);
   CREATE INDEX incidents_newest ON incidents (state, disclosed_sort, id);
   CREATE TABLE store_meta (key text PRIMARY KEY, value text NOT NULL);
   INSERT INTO store_meta (key, value) VALUES ('incidents_built', '0');`,
];
