-- ProgramTracker's least-privileged runtime role. Run as a superuser (the role that applies the schema with
-- db-apply) in the app's database, after every db-apply, then let each login the app uses join it:
--   CREATE ROLE programtracker_web LOGIN PASSWORD '...';  GRANT programtracker_app TO programtracker_web;
-- and run the app with that login and ProgramTracker:Database:AutoMigrate=false.
--
-- The role reads and writes documents, streams and Wolverine's tables, but only reads and inserts events and
-- audit links. It is neither a superuser nor the owner of the event tables (programtracker_events_owner, which
-- cannot log in), so it cannot disable or drop the triggers that refuse UPDATE, DELETE and TRUNCATE.

DO $$ BEGIN
  CREATE ROLE programtracker_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$ BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO programtracker_app', current_database());
END $$;

GRANT USAGE ON SCHEMA programtracker TO programtracker_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA programtracker TO programtracker_app;
REVOKE UPDATE, DELETE, TRUNCATE ON programtracker.mt_events, programtracker.audit_chain FROM programtracker_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA programtracker TO programtracker_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA programtracker TO programtracker_app;
