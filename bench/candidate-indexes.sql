-- Proposed index migration, applied by `npm run bench -- --candidate-indexes`
-- after the bulk load, to measure it through the unchanged app.
--
-- The app sorts with drizzle's desc(): ORDER BY x DESC, id DESC, which means
-- NULLS FIRST. The indexes of 0000_init.sql are DESC NULLS LAST (drizzle's
-- .desc() in an index), so PostgreSQL cannot read them in that order and
-- sorts every matching row instead (23-233 ms at 1M work orders). DESC NULLS
-- FIRST serves ORDER BY ... DESC forwards and ORDER BY ... ASC backwards.
-- In the drizzle schema: .desc() -> .desc().nullsFirst().

DROP INDEX "tickets_assignee_updated_idx";
CREATE INDEX "tickets_assignee_updated_idx" ON "tickets" USING btree ("assignee_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_assignee_created_idx";
CREATE INDEX "tickets_assignee_created_idx" ON "tickets" USING btree ("assignee_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_creator_created_idx";
CREATE INDEX "tickets_creator_created_idx" ON "tickets" USING btree ("created_by_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_team_updated_idx";
CREATE INDEX "tickets_team_updated_idx" ON "tickets" USING btree ("team_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_department_created_idx";
CREATE INDEX "tickets_department_created_idx" ON "tickets" USING btree ("department_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_type_status_created_idx";
CREATE INDEX "tickets_type_status_created_idx" ON "tickets" USING btree ("type","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_status_created_idx";
CREATE INDEX "tickets_status_created_idx" ON "tickets" USING btree ("status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_created_idx";
CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_updated_idx";
CREATE INDEX "tickets_updated_idx" ON "tickets" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "tickets_customer_idx";
CREATE INDEX "tickets_customer_idx" ON "tickets" USING btree ("customer_id","created_at" DESC NULLS FIRST);
DROP INDEX "customers_created_idx";
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
DROP INDEX "interactions_customer_idx";
CREATE INDEX "interactions_customer_idx" ON "interactions" USING btree ("customer_id","started_at" DESC NULLS FIRST);
DROP INDEX "interactions_agent_idx";
CREATE INDEX "interactions_agent_idx" ON "interactions" USING btree ("agent_id","started_at" DESC NULLS FIRST);

-- Open work only: the agent's and the team's queues (status new/open/pending,
-- newest update first) stay bounded however many closed work orders pile up.
-- Without them an agent with a few stale open work orders scans all of their
-- history (1.1 s at 1M with the ordering fixed; 0.1 ms with this index).
CREATE INDEX "tickets_assignee_open_updated_idx" ON "tickets" USING btree ("assignee_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "status" IN ('new', 'open', 'pending');
CREATE INDEX "tickets_team_open_updated_idx" ON "tickets" USING btree ("team_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "status" IN ('new', 'open', 'pending');
